using Iklim.StackSdk.Cli.Tests.Support;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Merging;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests;

/// <summary>
/// <c>iklim-stack diff</c> against docker: on every pair, diff finds no difference exactly when
/// <c>docker stack config</c> of both sides is the same (normalised), including Docker's surprising merges.
/// </summary>
[Trait("Category", "Import")]
public sealed class DiffTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void GeneratedStacks_BaseAndOverlay_EqualTheirEffectiveFile_AndDifferFromAChangedOne()
    {
        var compared = 0;
        RandomStacks.WriteEnvFiles(_folder.Path);
        for (var seed = 20261301; compared < 40; seed++)
        {
            var model = RandomStacks.Build(seed).Model;
            var baseFile = _folder.Write($"{seed}/docker-stack.yml", ComposeFileEmitter.Emit(model.Base));
            foreach (var profile in model.Profiles)
            {
                var plan = OverlayPlanner.Plan(model.Base, profile);
                var overlay = _folder.Write($"{seed}/docker-stack.{profile.Name}.yml", ComposeFileEmitter.Emit(plan.Overlay));
                var effective = _folder.Write($"{seed}/{profile.Name}.effective.yml", ComposeFileEmitter.Emit(plan.Effective));
                var diff = AgreesWithDocker(new[] { baseFile, overlay }, new[] { effective });
                Assert.True(diff.ExitCode == 0, $"seed {seed} profile {profile.Name}: {diff.Output}{diff.Error}");

                var service = plan.Effective.Services[0];
                var changed = plan.Effective with
                {
                    Services = plan.Effective.Services.Select(s => s == service ? s with { Environment = s.Environment.Set("IKLIM_DIFF", "changed") } : s).ToValueList(),
                };
                var changedFile = _folder.Write($"{seed}/{profile.Name}.changed.yml", ComposeFileEmitter.Emit(changed));
                var changedDiff = AgreesWithDocker(new[] { baseFile, overlay }, new[] { changedFile });
                Assert.Contains($"{service.Name}: environment.IKLIM_DIFF: (absent) -> changed", changedDiff.Output, StringComparison.Ordinal);
                compared++;
            }
        }
    }

    [Fact]
    public void ChangedReplicas_IsReportedWithServiceKeyAndValues()
    {
        var a = Write("a.yml", "services:\n  api:\n    image: nginx:1.27\n    deploy:\n      replicas: 2\n");
        var b = Write("b.yml", "services:\n  api:\n    image: nginx:1.27\n    deploy:\n      replicas: 3\n");

        var diff = AgreesWithDocker(new[] { a }, new[] { b });

        Assert.Equal(Program.Different, diff.ExitCode);
        Assert.Contains("api: deploy.replicas: 2 -> 3", diff.Output, StringComparison.Ordinal);
        Assert.Contains("1 difference", diff.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void OverlayConstraint_IsAppended_NotReplaced()
    {
        var baseFile = Write("base.yml", "services:\n  api:\n    image: nginx:1.27\n    deploy:\n      placement:\n        constraints: [node.role == worker]\n");
        var overlay = Write("base.prod.yml", "services:\n  api:\n    deploy:\n      placement:\n        constraints: [node.labels.zone == a]\n");
        var replaced = Write("replaced.yml", "services:\n  api:\n    image: nginx:1.27\n    deploy:\n      placement:\n        constraints: [node.labels.zone == a]\n");
        var appended = Write("appended.yml", "services:\n  api:\n    image: nginx:1.27\n    deploy:\n      placement:\n        constraints: [node.role == worker, node.labels.zone == a]\n");

        var against = AgreesWithDocker(new[] { baseFile, overlay }, new[] { replaced });
        Assert.Equal(Program.Different, against.ExitCode);
        Assert.Contains("api: deploy.placement.constraints: [node.role == worker, node.labels.zone == a] -> [node.labels.zone == a]", against.Output, StringComparison.Ordinal);
        Assert.Equal(0, AgreesWithDocker(new[] { baseFile, overlay }, new[] { appended }).ExitCode);
    }

    [Fact]
    public void EmptyOverlayEnvironmentValue_DoesNotOverride()
    {
        var baseFile = Write("base.yml", "services:\n  api:\n    image: nginx:1.27\n    environment:\n      MODE: fast\n");
        var overlay = Write("base.prod.yml", "services:\n  api:\n    environment:\n      MODE: \"\"\n");
        var blank = Write("blank.yml", "services:\n  api:\n    image: nginx:1.27\n    environment:\n      MODE: \"\"\n");
        var kept = Write("kept.yml", "services:\n  api:\n    image: nginx:1.27\n    environment:\n      MODE: fast\n");

        var against = AgreesWithDocker(new[] { baseFile, overlay }, new[] { blank });
        Assert.Equal(Program.Different, against.ExitCode);
        Assert.Contains("api: environment.MODE: fast -> ", against.Output, StringComparison.Ordinal);
        Assert.Equal(0, AgreesWithDocker(new[] { baseFile, overlay }, new[] { kept }).ExitCode);
    }

    [Fact]
    public void LoggingOptions_MergeForTheSameDriver_AndAreReplacedForAnother()
    {
        var baseFile = Write("base.yml", "services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 1m\n  b:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 1m\n");
        var overlay = Write("base.prod.yml", "services:\n  a:\n    logging:\n      options:\n        max-file: \"3\"\n  b:\n    logging:\n      driver: syslog\n      options:\n        tag: t\n");
        var expected = Write("merged.yml", "services:\n  a:\n    image: x:1\n    logging:\n      driver: json-file\n      options:\n        max-size: 1m\n        max-file: \"3\"\n  b:\n    image: x:1\n    logging:\n      driver: syslog\n      options:\n        tag: t\n");
        var wrong = Write("wrong.yml", "services:\n  a:\n    image: x:1\n    logging:\n      options:\n        max-file: \"3\"\n  b:\n    image: x:1\n    logging:\n      driver: syslog\n      options:\n        max-size: 1m\n        tag: t\n");

        Assert.Equal(0, AgreesWithDocker(new[] { baseFile, overlay }, new[] { expected }).ExitCode);
        Assert.Equal(Program.Different, AgreesWithDocker(new[] { baseFile, overlay }, new[] { wrong }).ExitCode);
    }

    [Fact]
    public void PortsInBothFiles_AreKeyedByPublishedPort()
    {
        var baseFile = Write("base.yml", "services:\n  api:\n    image: nginx:1.27\n    ports:\n      - \"8080:80\"\n");
        var overlay = Write("base.prod.yml", "services:\n  api:\n    ports:\n      - \"8080:81\"\n      - \"443:443\"\n");
        var expected = Write("merged.yml", "services:\n  api:\n    image: nginx:1.27\n    ports:\n      - \"443:443\"\n      - \"8080:81\"\n");

        Assert.Equal(0, AgreesWithDocker(new[] { baseFile, overlay }, new[] { expected }).ExitCode);
        Assert.Equal(Program.Different, AgreesWithDocker(new[] { baseFile, overlay }, new[] { baseFile }).ExitCode);
    }

    [Fact]
    public void MissingAgainst_IsAUsageError()
    {
        var a = Write("a.yml", "services:\n  api:\n    image: nginx:1.27\n");

        var result = Tool.Run("diff", "-c", a);

        Assert.NotEqual(0, result.ExitCode);
    }

    private string Write(string name, string text) => _folder.Write(name, text);

    // diff's verdict must be docker's: no difference exactly when docker stack config prints the same.
    private static Tool.Result AgreesWithDocker(string[] left, string[] right)
    {
        var diff = Tool.Diff(left, right);
        var dockerEqual = DockerConfig.Of(left) == DockerConfig.Of(right);
        Assert.True(
            dockerEqual == (diff.ExitCode == 0),
            $"diff says {(diff.ExitCode == 0 ? "equal" : "different")} (exit {diff.ExitCode}), docker says {(dockerEqual ? "equal" : "different")}:\n{diff.Output}{diff.Error}\n--- docker left\n{DockerConfig.Of(left)}\n--- docker right\n{DockerConfig.Of(right)}");
        return diff;
    }
}
