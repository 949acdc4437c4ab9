using System;
using System.IO;
using System.Text;

namespace Iklim.StackSdk.Build.Writing;

/// <summary>An artefact's bytes, and the checks and file modes the build applies to them on disk.</summary>
internal static class ArtefactFile
{
    private static readonly Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes written for <paramref name="content"/>: UTF-8 without a BOM, line endings exactly as given.</summary>
    public static byte[] Bytes(string content) => Utf8WithoutBom.GetBytes(content);

    /// <summary>Whether the file at <paramref name="fullPath"/> holds exactly <paramref name="bytes"/>.</summary>
    public static bool Holds(string fullPath, byte[] bytes) => File.Exists(fullPath) && SameBytes(File.ReadAllBytes(fullPath), bytes);

    /// <summary>
    /// Gives a shell script (<c>*.sh</c>) the execute bits its readers have, so that <c>./init.sh</c> runs as
    /// generated. Unix only, and through reflection: this task targets netstandard2.0, and File.SetUnixFileMode
    /// exists from .NET 7 on, which is what <c>dotnet build</c> runs.
    /// </summary>
    public static void MarkExecutableIfScript(string fullPath)
    {
        if (fullPath.EndsWith(".sh", StringComparison.Ordinal))
        {
            MarkExecutable(fullPath);
        }
    }

    /// <summary>Adds the execute bits <see cref="MarkExecutableIfScript"/> gives a script, whatever the file's name.</summary>
    public static void MarkExecutable(string fullPath)
    {
        if (Path.DirectorySeparatorChar != '/'
            || typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) }) is not { } get
            || typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), get.ReturnType }) is not { } set)
        {
            return;
        }

        const int userRead = 256, groupRead = 32, otherRead = 4;
        var mode = Convert.ToInt32(get.Invoke(null, new object[] { fullPath }), System.Globalization.CultureInfo.InvariantCulture);

        // Execute (x) where read (r) is granted: u+x for u+r, and so on; rwxr-xr-x for a file written rw-r--r--.
        var withExecute = mode | ((mode & userRead) >> 2) | ((mode & groupRead) >> 2) | ((mode & otherRead) >> 2);
        if (withExecute != mode)
        {
            set.Invoke(null, new[] { fullPath, Enum.ToObject(get.ReturnType, withExecute) });
        }
    }

    private static bool SameBytes(byte[] left, byte[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }
}
