using Iklim.StackSdk.Cli.Importing;
using Iklim.StackSdk.Emitting;
using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests.Support;

/// <summary>
/// import -> build -> docker stack config: the files the imported stack writes deploy what the input files deploy,
/// for the base alone and for the base with each overlay, as docker itself reads both.
/// </summary>
internal static class RoundTrip
{
    /// <summary>Checks the round trip of <paramref name="baseFile"/> and <paramref name="overlays"/>; returns the generated C#.</summary>
    public static string Check(string stackName, string baseFile, params string[] overlays)
    {
        using var folder = new TempFolder();
        var project = Path.Combine(folder.Path, "Imported");
        ImportResult result;
        try
        {
            result = Importer.Import(baseFile, overlays, Array.Empty<string>(), stackName, project);
        }
        catch (ImportException e)
        {
            Assert.Fail("import refused: " + e.Message);
            throw;
        }

        var code = File.ReadAllText(result.Written.Single(f => f.EndsWith(".cs", StringComparison.Ordinal)));
        var model = InProcessStack.Build(code);
        var deploy = Path.Combine(project, "deploy");
        foreach (var artefact in StackArtefacts.Create(model))
        {
            folder.Write(Path.Combine("Imported", "deploy", artefact.Path), artefact.Content);
        }

        var baseOut = Path.Combine(deploy, model.BaseFile);
        AssertSame(DockerConfig.Of(baseFile), DockerConfig.OfRebuilt(baseFile, baseOut), baseFile, code);
        for (var i = 0; i < overlays.Length; i++)
        {
            var overlayOut = Path.Combine(deploy, model.OverlayFile(model.Profiles[i].Name));
            AssertSame(DockerConfig.Of(baseFile, overlays[i]), DockerConfig.OfRebuilt(baseFile, baseOut, overlayOut), baseFile + " + " + overlays[i], code);
        }

        return code;
    }

    private static void AssertSame(string expected, string actual, string what, string code)
    {
        if (expected != actual)
        {
            var left = expected.Split('\n');
            var right = actual.Split('\n');
            var line = Enumerable.Range(0, Math.Max(left.Length, right.Length)).First(i => i >= left.Length || i >= right.Length || left[i] != right[i]);
            Assert.Fail($"{what}: docker stack config differs after the round trip at line {line + 1}:\n  input:    {(line < left.Length ? left[line] : "<end>")}\n  imported: {(line < right.Length ? right[line] : "<end>")}\n--- input\n{expected}\n--- imported\n{actual}\n--- C#\n{code}");
        }
    }
}
