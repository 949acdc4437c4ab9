using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Iklim.StackSdk.Build.Writing;

/// <summary>
/// The list of the files in the deploy folder that the build owns: it writes them, and deletes those it no longer
/// produces. Every other file in the folder is the user's and is never touched. Committed with the artefacts, so the
/// text depends only on the paths: one '/'-separated path per line, sorted ordinally, LF endings, UTF-8 without BOM.
/// </summary>
internal static class OwnedFiles
{
    /// <summary>The file's name in the deploy folder.</summary>
    public const string FileName = ".iklim-stack-files";

    /// <summary>The folder, inside the deploy folder, where a build stages its files before it moves them into place.</summary>
    public const string StagingFolder = ".iklim-stack-staging";

    private const string Header = "# Iklim.StackSdk owned files v1: the build writes these files and deletes the ones it stops producing. Do not edit.";

    /// <summary>Whether <paramref name="relativePath"/> names the build's own bookkeeping, which no artefact may use.</summary>
    public static bool IsReserved(string relativePath)
    {
        var first = relativePath.Split('/')[0];
        return string.Equals(first, FileName, StringComparison.OrdinalIgnoreCase) || string.Equals(first, StagingFolder, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The text of the list of <paramref name="paths"/>.</summary>
    public static string Format(IEnumerable<string> paths)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var path in paths.Distinct(StringComparer.Ordinal).OrderBy(path => path, StringComparer.Ordinal))
        {
            text.Append(path).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// The owned paths listed in <paramref name="deployDirectory"/>, or null when there is no list yet (the first
    /// build, or the first after an upgrade). <paramref name="unsafeLines"/> gets the lines that are not a path inside
    /// the folder: they are ignored, so an edited list can never make the build delete a file outside it.
    /// </summary>
    public static HashSet<string>? Read(string deployDirectory, List<string> unsafeLines)
    {
        var path = Path.Combine(deployDirectory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllText(path, Encoding.UTF8).Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith("#", StringComparison.Ordinal))
            {
                continue;
            }

            if (ArtefactPath.Resolve(deployDirectory, line) is null || IsReserved(line))
            {
                unsafeLines.Add(line);
            }
            else
            {
                owned.Add(line);
            }
        }

        return owned;
    }
}
