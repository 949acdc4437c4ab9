using System.Collections.Generic;
using System.Linq;

namespace Iklim.StackSdk.Model;

/// <summary>
/// Host paths as the C# author writes them: relative to the stack project's folder unless absolute, a <c>~</c> path or
/// a deploy-time value. <see cref="Emitting.HostPaths"/> re-bases them for the deploy folder; the model compares them.
/// </summary>
internal static class ProjectPaths
{
    /// <summary>True for a file path the stack project holds: relative (<c>a.env</c> too, not only <c>./a.env</c>) and not a deploy-time value.</summary>
    public static bool IsProjectPath(string path) => path.Length > 0 && path[0] != '/' && path[0] != '~' && !Interpolation.Contains(path);

    /// <summary>
    /// One spelling per file for a project path (<c>a.env</c>, <c>./a.env</c> and <c>./x/../a.env</c> are all
    /// <c>./a.env</c>), any other path as it is: Docker refuses a list that names a file twice.
    /// </summary>
    public static string Canonical(string path) => IsProjectPath(path) ? Join(new List<string>(), path) : path;

    /// <summary><paramref name="path"/> appended to the folder <paramref name="prefix"/> (its segments), <c>..</c> folded where it can be.</summary>
    public static string Join(List<string> prefix, string path)
    {
        var result = prefix;
        foreach (var segment in Segments(path))
        {
            if (segment == ".." && result.Count > 0 && result[result.Count - 1] != "..")
            {
                result.RemoveAt(result.Count - 1);
            }
            else
            {
                result.Add(segment);
            }
        }

        var joined = string.Join("/", result);
        return result.Count == 0 ? "." : result[0] == ".." ? joined : "./" + joined;
    }

    /// <summary>The segments of <paramref name="path"/> without empty and <c>.</c> ones.</summary>
    public static string[] Segments(string path) => path.Split('/').Where(s => s.Length > 0 && s != ".").ToArray();
}
