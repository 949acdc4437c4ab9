using System;

namespace Iklim.StackSdk;

/// <summary>
/// Marks a class library of stack conventions (helpers and extension methods that several stack projects share), so
/// that the build can evaluate calls into it at compile time. With the Iklim.StackSdk package referenced, the library's
/// build writes its own source into the assembly (<see cref="StackConventionsSourceAttribute"/>); stack projects that
/// reference it by ProjectReference or NuGet follow calls into that source exactly as into their own code.
/// </summary>
/// <example><code>[assembly: Iklim.StackSdk.StackConventions]</code></example>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class StackConventionsAttribute : Attribute
{
}

/// <summary>
/// One source file of a conventions library, written by the SDK's generator into the library's assembly. Not meant
/// to be written by hand.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class StackConventionsSourceAttribute : Attribute
{
    /// <summary>Records the file at <paramref name="path"/> (relative to the library's project) with its text.</summary>
    public StackConventionsSourceAttribute(string path, string text)
    {
        Path = path;
        Text = text;
    }

    /// <summary>The file's path relative to the library's project folder.</summary>
    public string Path { get; }

    /// <summary>The file's text.</summary>
    public string Text { get; }
}
