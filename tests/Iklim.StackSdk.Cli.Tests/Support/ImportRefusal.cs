using Iklim.StackSdk.Tests.Support;

namespace Iklim.StackSdk.Cli.Tests.Support;

/// <summary>The one shape of a refused import: the exit code, the error at its file and line, and nothing written.</summary>
internal static class ImportRefusal
{
    /// <summary>
    /// <c>iklim-stack import</c> of <paramref name="inputs"/> (or of <paramref name="file"/> alone) is refused with an
    /// error at <c>file(line)</c> (at <c>file</c> when <paramref name="line"/> is 0) that names <paramref name="key"/>
    /// and says <paramref name="problem"/>, and the output folder inside <paramref name="folder"/> is not created.
    /// </summary>
    public static Tool.Result Check(TempFolder folder, string file, int line, string key, string problem, params string[] inputs)
    {
        var output = Path.Combine(folder.Path, "out", "Imported");
        var files = inputs.Length == 0 ? new[] { file } : inputs;
        var result = Tool.Run(new[] { "import" }.Concat(files).Concat(new[] { "--name", "imported", "--output", output }).ToArray());

        Assert.Equal(Program.Refused, result.ExitCode);
        var location = line > 0 ? $"{file}({line}): error: {key}: " : $"{file}: error: {key}: ";
        Assert.True(result.Error.StartsWith(location, StringComparison.Ordinal), result.Error);
        Assert.True(result.Error.Contains(problem, StringComparison.Ordinal), result.Error);
        Assert.False(
            Directory.Exists(Path.Combine(folder.Path, "out")),
            "a refused import wrote " + string.Join(", ", Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories)));
        return result;
    }
}
