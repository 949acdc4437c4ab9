using System;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Cli;

/// <summary>
/// Input the tool refuses, with where it is: the file, the 1-based line and the key path. The tool prints
/// <see cref="Exception.Message"/> and exits non-zero, having written nothing. A deploy-time reference in the
/// problem reads <c>${NAME}</c>, as in the file.
/// </summary>
public sealed class ImportException : Exception
{
    /// <summary>Creates the error for <paramref name="key"/> at <paramref name="file"/>(<paramref name="line"/>).</summary>
    public ImportException(string file, long line, string key, string problem)
        : base(Format(file, line, key, Interpolation.ToDisplay(problem)))
    {
        File = file;
        Line = line;
        Key = key;
        Problem = Interpolation.ToDisplay(problem);
    }

    /// <summary>The file, as given on the command line.</summary>
    public string File { get; }

    /// <summary>The 1-based line, 0 when the problem concerns the whole file.</summary>
    public long Line { get; }

    /// <summary>The key path, such as <c>services.redis.logging</c>.</summary>
    public string Key { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }

    private static string Format(string file, long line, string key, string problem) =>
        line > 0
            ? $"{file}({line.ToString(System.Globalization.CultureInfo.InvariantCulture)}): error: {key}: {problem}"
            : $"{file}: error: {key}: {problem}";
}
