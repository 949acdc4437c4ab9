using System;
using System.IO;

namespace Iklim.StackSdk.Build.Writing;

/// <summary>
/// Checks a manifest's relative artefact path and places it under the deploy folder. The manifest comes from
/// compiled user code, so a path is accepted only if it cannot leave the folder on any operating system.
/// </summary>
internal static class ArtefactPath
{
    /// <summary>
    /// The full path of <paramref name="relativePath"/> under <paramref name="deployDirectory"/>, or <see langword="null"/>
    /// when the path is empty, rooted, uses '\' or ':', has an empty, '.' or '..' segment, or a control character.
    /// </summary>
    public static string? Resolve(string deployDirectory, string relativePath)
    {
        if (relativePath.Length == 0 || relativePath.IndexOf('\\') >= 0 || relativePath.IndexOf(':') >= 0 || Path.IsPathRooted(relativePath))
        {
            return null;
        }

        foreach (var character in relativePath)
        {
            if (char.IsControl(character))
            {
                return null;
            }
        }

        foreach (var segment in relativePath.Split('/'))
        {
            if (segment.Length == 0 || segment == "." || segment == "..")
            {
                return null;
            }
        }

        var root = FullDirectory(deployDirectory);
        var full = Path.GetFullPath(Path.Combine(root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>The full path of <paramref name="directory"/>, ending with a directory separator.</summary>
    public static string FullDirectory(string directory)
    {
        var full = Path.GetFullPath(directory);
        return full.EndsWith(Path.DirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            || full.EndsWith(Path.AltDirectorySeparatorChar.ToString(), StringComparison.Ordinal)
            ? full
            : full + Path.DirectorySeparatorChar;
    }
}
