using System.IO;
using System.Text;

namespace Iklim.StackSdk.Build.Writing;

/// <summary>Writes one artefact's text, byte for byte, only when the disk holds something else.</summary>
internal static class ArtefactFile
{
    private static readonly Encoding Utf8WithoutBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The bytes written for <paramref name="content"/>: UTF-8 without a BOM, line endings exactly as given.</summary>
    public static byte[] Bytes(string content) => Utf8WithoutBom.GetBytes(content);

    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="fullPath"/>, creating its folders, unless the file already
    /// holds exactly these bytes. Returns whether it wrote; an unchanged file keeps its timestamp.
    /// </summary>
    public static bool WriteIfChanged(string fullPath, byte[] bytes)
    {
        if (File.Exists(fullPath) && SameBytes(File.ReadAllBytes(fullPath), bytes))
        {
            return false;
        }

        var directory = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllBytes(fullPath, bytes);
        return true;
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
