using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Tests;

/// <summary>
/// The generated stack files pass the checkers a platform team would run on hand-written ones: yamllint,
/// dclint (with the rules that contradict Swarm stack files turned off, see eng/lint/dclint.json) and the
/// compose-spec JSON schema. dclint's explicit-tag rule stays on, but without <c>latest</c>: the C# side flags
/// <c>latest</c> (IKS0107) where a team can suppress it on the one call that needs it, as the sample does for the
/// seed's bitnamisecure images, which publish no other free tag; a generated file cannot carry that suppression.
/// </summary>
[Trait("Category", "Lint")]
public sealed class ExternalLinterTests : IClassFixture<SampleArtefacts>
{
    private readonly SampleArtefacts _sample;

    public ExternalLinterTests(SampleArtefacts sample) => _sample = sample;

    private string[] Files => new[] { _sample.BaseFile, _sample.ProdFile };

    [SkippableFact]
    public void Yamllint_AcceptsTheSampleStrictly()
    {
        var yamllint = ExternalTool.Require("yamllint");
        var (exitCode, output) = ExternalTool.Run(yamllint, new[] { "-s", "-c", Path.Combine(ExternalTool.RepositoryRoot, "eng", "lint", "yamllint.yml") }.Concat(Files).ToArray());
        Assert.True(exitCode == 0, output);
    }

    [SkippableFact]
    public void Dclint_ReportsNothing()
    {
        var dclint = ExternalTool.Require("dclint");
        var (exitCode, output) = ExternalTool.Run(dclint, new[] { "-c", Path.Combine(ExternalTool.RepositoryRoot, "eng", "lint", "dclint.json"), "--max-warnings", "0" }.Concat(Files).ToArray());
        Assert.True(exitCode == 0, output);
    }

    // Generated stacks set every key of the key table in base and overlays (MergeEquivalenceTests checks that), so
    // dclint sees each key in the position the table gives it. One stack per file and one service per stack: dclint's
    // duplicate-port rule is about one host, not about a random generator reusing 8000.
    [SkippableFact]
    public void Dclint_AcceptsEveryKeyInTheTablesOrder()
    {
        var dclint = ExternalTool.Require("dclint");
        using var folder = new TempFolder();
        var files = new List<string>();
        for (var seed = 1; seed <= 40; seed++)
        {
            var model = RandomStacks.Build(seed).Model;
            var scopes = new[] { model.Base }.Concat(model.Profiles.Select(p => Merging.StackPlan.Of(model).For(p.Name)!.Overlay));
            foreach (var (scope, index) in scopes.Select((s, i) => (s, i)))
            {
                foreach (var service in scope.Services)
                {
                    var single = Model.StackScope.Empty with { Services = Model.ValueList.Of(service with { Ports = Model.ValueList<Model.PortSpec>.Empty }) };
                    files.Add(folder.Write($"{seed}-{index}-{service.Name}.yml", ComposeFileEmitter.Emit(single)));
                }
            }
        }

        var (exitCode, output) = ExternalTool.Run(dclint, new[] { "-c", Path.Combine(ExternalTool.RepositoryRoot, "eng", "lint", "dclint.json"), "--max-warnings", "0" }.Concat(files).ToArray());
        Assert.True(exitCode == 0, output);
    }

    [SkippableFact]
    public void ComposeSchema_AcceptsSampleAndGeneratedStacks()
    {
        var ajv = ExternalTool.Require("ajv");
        using var folder = new TempFolder();

        var schema = ComposeLint.WriteSchema(folder);
        var files = Files.Select(f => folder.Write("sample/" + Path.GetFileName(f), File.ReadAllText(f))).ToList();
        for (var seed = 1; seed <= 20; seed++)
        {
            var model = RandomStacks.Build(seed).Model;
            files.AddRange(StackArtefacts.Create(model).Where(a => a.Path.EndsWith(".yml", StringComparison.Ordinal)).Select(a => folder.Write($"{seed}/{a.Path}", a.Content)));
        }

        // One ajv run over a glob: node starts once.
        var (exitCode, output) = ExternalTool.Run(ajv, "validate", "-s", schema, "-d", Path.Combine(folder.Path, "**", "*.yml"), "--spec=draft7", "--strict=false", "-c", "ajv-formats");
        Assert.True(exitCode == 0, output);
        Assert.Equal(files.Count, output.Split('\n').Count(line => line.EndsWith(" valid", StringComparison.Ordinal)));

        // The check can fail: an unknown service key is rejected.
        var broken = folder.Write("broken.yml", "services:\n  app:\n    image: busybox:1.36.1\n    imagee: typo\n");
        Assert.NotEqual(0, ExternalTool.Run(ajv, "validate", "-s", schema, "-d", broken, "--spec=draft7", "--strict=false", "-c", "ajv-formats").ExitCode);
    }
}
