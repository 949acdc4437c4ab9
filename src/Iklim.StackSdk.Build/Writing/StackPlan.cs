using System.Collections.Generic;
using Iklim.StackSdk.Generators.Manifest;

namespace Iklim.StackSdk.Build.Writing;

/// <summary>One stack read from a manifest, its files already placed under the deploy folder.</summary>
internal sealed class StackPlan
{
    public StackPlan(string name, bool blocked, string summary, string manifestPath, ManifestOrigin? origin)
    {
        Name = name;
        Blocked = blocked;
        Summary = summary;
        ManifestPath = manifestPath;
        Origin = origin;
    }

    /// <summary>The stack's name.</summary>
    public string Name { get; }

    /// <summary>Whether the generator refused to produce artefacts (for example, error diagnostics).</summary>
    public bool Blocked { get; }

    /// <summary>The summary printed after the file list, or the reason when blocked.</summary>
    public string Summary { get; }

    /// <summary>The manifest the stack was read from, named in errors.</summary>
    public string ManifestPath { get; }

    /// <summary>The stack's <c>[Stack]</c> attribute, where its errors are reported; null for an older manifest.</summary>
    public ManifestOrigin? Origin { get; }

    /// <summary>The files to write, in manifest order.</summary>
    public List<PlannedFile> Files { get; } = new List<PlannedFile>();

    /// <summary>Set when an error was logged for this stack; nothing of it is written then.</summary>
    public bool Rejected { get; set; }
}

/// <summary>One artefact: its path as the manifest gives it, where it goes, and its exact bytes.</summary>
internal sealed class PlannedFile
{
    public PlannedFile(string relativePath, string fullPath, byte[] bytes)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        Bytes = bytes;
    }

    /// <summary>The path relative to the deploy folder, with '/' separators.</summary>
    public string RelativePath { get; }

    /// <summary>The absolute path on this machine.</summary>
    public string FullPath { get; }

    /// <summary>The content as UTF-8 without a BOM.</summary>
    public byte[] Bytes { get; }
}
