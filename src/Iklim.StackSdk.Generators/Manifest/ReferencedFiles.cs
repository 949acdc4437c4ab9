using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Iklim.StackSdk.Generators.Manifest;

/// <summary>
/// A host file a stack reads at deploy time (a config or secret <c>File</c>, or a service's <c>EnvFile</c>, relative to
/// the stack project), with the
/// C# call that names it, so the build step can check that it exists and report at that call.
/// </summary>
/// <param name="Stack">The stack name.</param>
/// <param name="Kind"><c>config</c>, <c>secret</c>, or <c>service</c> for an env file.</param>
/// <param name="Name">The config's, secret's or service's name.</param>
/// <param name="Path">The path as written in C#, relative to the stack project.</param>
/// <param name="SourceFile">The C# file of the call; empty when it is not known.</param>
/// <param name="Line">The call's 1-based line, 0 when not known.</param>
/// <param name="Column">The call's 1-based column, 0 when not known.</param>
public sealed record ReferencedFile(string Stack, string Kind, string Name, string Path, string SourceFile, int Line, int Column);

/// <summary>
/// The manifest's records of <see cref="ReferencedFile"/>s, one line each after the artefacts:
/// <c>// iks-ref &lt;stack&gt; &lt;kind&gt; &lt;name&gt; &lt;path&gt; &lt;source-file&gt; &lt;line&gt; &lt;column&gt;</c>, strings in base64 of
/// UTF-8 as in <see cref="ArtefactManifest"/>, which skips these lines.
/// </summary>
public static class ReferencedFiles
{
    private const string Record = "iks-ref";

    /// <summary>The manifest lines of <paramref name="files"/>, in the order given.</summary>
    public static string Write(IEnumerable<ReferencedFile> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            text.Append("// ").Append(Record)
                .Append(' ').Append(Encode(file.Stack)).Append(' ').Append(Encode(file.Kind)).Append(' ').Append(Encode(file.Name))
                .Append(' ').Append(Encode(file.Path)).Append(' ').Append(Encode(file.SourceFile))
                .Append(' ').Append(file.Line.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(file.Column.ToString(CultureInfo.InvariantCulture))
                .Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The referenced files a manifest lists; other lines are skipped.</summary>
    public static IReadOnlyList<ReferencedFile> Read(string manifest)
    {
        var files = new List<ReferencedFile>();
        foreach (var line in manifest.Split('\n'))
        {
            var parts = line.TrimEnd('\r').Split(' ');
            if (parts.Length == 9 && parts[0] == "//" && parts[1] == Record)
            {
                files.Add(new ReferencedFile(
                    Decode(parts[2]), Decode(parts[3]), Decode(parts[4]), Decode(parts[5]), Decode(parts[6]),
                    int.Parse(parts[7], NumberStyles.None, CultureInfo.InvariantCulture),
                    int.Parse(parts[8], NumberStyles.None, CultureInfo.InvariantCulture)));
            }
        }

        return files;
    }

    private static string Encode(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    private static string Decode(string value) => Encoding.UTF8.GetString(Convert.FromBase64String(value));
}
