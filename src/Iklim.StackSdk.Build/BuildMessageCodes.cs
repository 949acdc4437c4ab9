namespace Iklim.StackSdk.Build;

/// <summary>
/// The codes of the warnings and errors the build step reports, so they can be searched and suppressed. Each has a
/// page under docs/rules/, which the message links to.
/// </summary>
public static class BuildMessageCodes
{
    /// <summary>Where the pages of the codes are; the same folder as the analyzers' rules.</summary>
    public const string HelpBaseUri = "https://github.com/iklimco/Iklim.StackSdk/blob/main/docs/rules/";

    /// <summary>Warning: no manifest was found, so no artefacts were written (the generator did not run).</summary>
    public const string ManifestMissing = "IKS0901";

    /// <summary>Error: an artefact path is absolute, climbs out with '..', or is otherwise unsafe.</summary>
    public const string UnsafeArtefactPath = "IKS0902";

    /// <summary>Error: two stacks, or two manifests, give different content for the same file.</summary>
    public const string ConflictingArtefacts = "IKS0903";

    /// <summary>Error: a manifest is not in a format this build step reads.</summary>
    public const string UnreadableManifest = "IKS0904";

    /// <summary>Error: an artefact could not be written to disk.</summary>
    public const string WriteFailed = "IKS0905";

    /// <summary>Error: a config, secret or env file that the stack reads at deploy time does not exist, reported at the C# call.</summary>
    public const string MissingReferencedFile = "IKS0906";

    /// <summary>Error: an artefact would replace a file in the deploy folder that the build does not own.</summary>
    public const string NotOwned = "IKS0907";

    /// <summary>Warning: a line of the deploy folder's list of owned files is not a path inside the folder; it is ignored.</summary>
    public const string UnsafeOwnedFile = "IKS0908";

    /// <summary>The page of <paramref name="code"/>.</summary>
    public static string HelpLink(string code) => HelpBaseUri + code + ".md";
}
