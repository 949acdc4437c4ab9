using System;
using System.Text.RegularExpressions;

namespace Iklim.StackSdk.Validation;

/// <summary>
/// Docker's syntax rules for the values a stack holds. The runtime builders call these so a bad value
/// throws <see cref="ArgumentException"/> at runtime, and the compile-time evaluator turns the same
/// exception into IKS0002 at the offending argument: one rule, two front doors.
/// </summary>
public static class Names
{
    // Swarm service, network, secret and config names: what `docker service create --name` accepts.
    private static readonly Regex ObjectName = new("^[a-zA-Z0-9][a-zA-Z0-9_.-]*$", RegexOptions.CultureInvariant);
    private static readonly Regex VariableName = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);
    private static readonly Regex Duration = new(@"^(0|([0-9]+(\.[0-9]+)?(ns|us|µs|ms|s|m|h))+)$", RegexOptions.CultureInvariant);
    private static readonly Regex NamedPipePath = new(@"^[/\\]{2}\.[/\\]pipe[/\\][^:*?""<>|\r\n/\\][^:*?""<>|\r\n]*$", RegexOptions.CultureInvariant);
    private static readonly Regex Reference = new(Model.Interpolation.Sigil + @"\{[^}]*\}", RegexOptions.CultureInvariant);

    // The reference grammar of distribution/reference: [host[:port]/]path[:tag][@digest].
    private static readonly Regex ImageReference = new(
        @"^(?:(?<host>(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?)/)?"
        + @"(?<path>[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)"
        + @"(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?"
        + @"(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}))?$",
        RegexOptions.CultureInvariant);

    private static readonly Regex Constraint = new(
        @"^\s*(?<key>node\.(?:id|hostname|role|platform\.os|platform\.arch|labels\.[^\s=!]+)|engine\.labels\.[^\s=!]+)\s*(?<op>==|!=)\s*(?<value>\S(?:.*\S)?)\s*$",
        RegexOptions.CultureInvariant);

    /// <summary>True for a valid service, network, volume, secret or config name.</summary>
    public static bool IsObjectName(string? name) => name is { Length: > 0 and <= 63 } && ObjectName.IsMatch(name);

    /// <summary>True for a shell variable name (<c>Env.Var</c>).</summary>
    public static bool IsEnvironmentVariableName(string? name) => name is { Length: > 0 } && VariableName.IsMatch(name);

    /// <summary>True for a Go duration such as <c>5s</c> or <c>1m30s</c>, or a deploy-time variable.</summary>
    public static bool IsDuration(string? value) => value is { Length: > 0 } && (Duration.IsMatch(value) || IsOnlyInterpolation(value));

    /// <summary>True for an image reference; <c>${VAR}</c> parts are accepted where a name part could be.</summary>
    public static bool IsImageReference(string? image) =>
        image is { Length: > 0 } && ImageReference.IsMatch(Reference.Replace(image, "x"));

    /// <summary>The tag of an image reference, or null when it has none.</summary>
    public static string? ImageTag(string image)
    {
        var reference = Reference.Replace(image, "x");
        if (!ImageReference.IsMatch(reference))
        {
            return null;
        }

        // The rules ask this for every service of every scope: read the tag off a valid reference instead of asking the
        // regex for its groups. Before the digest and after the last '/', a ':' can only start the tag (a registry's
        // port is followed by a '/').
        var end = reference.IndexOf('@');
        end = end < 0 ? reference.Length : end;
        var colon = reference.LastIndexOf(':', end - 1);
        return colon > reference.LastIndexOf('/', end - 1) ? reference.Substring(colon + 1, end - colon - 1) : null;
    }

    /// <summary>True when the image carries a digest.</summary>
    public static bool HasImageDigest(string image) => image.IndexOf('@') >= 0;

    /// <summary>True for a placement constraint Swarm accepts (<c>node.labels.type == service</c>).</summary>
    public static bool IsConstraint(string? constraint) => constraint is not null && Constraint.IsMatch(constraint);

    /// <summary>Splits a valid constraint into key, operator and value.</summary>
    public static (string Key, bool Equal, string Value) ParseConstraint(string constraint)
    {
        var match = Constraint.Match(constraint);
        if (!match.Success)
        {
            throw Invalid.Argument($"'{constraint}' is not a placement constraint.", nameof(constraint));
        }

        return (match.Groups["key"].Value, match.Groups["op"].Value == "==", match.Groups["value"].Value);
    }

    /// <summary>True when <paramref name="value"/> contains a deploy-time <c>${...}</c> made by <see cref="Env"/>; a <c>${</c> typed in a string is text.</summary>
    public static bool HasInterpolation(string value) => Model.Interpolation.Contains(value);

    /// <summary>True for an absolute container or host path.</summary>
    public static bool IsAbsolutePath(string? path) => path is { Length: > 0 } && path[0] == '/';

    /// <summary>A Windows named pipe path, <c>\\.\pipe\&lt;name&gt;</c> or <c>//./pipe/&lt;name&gt;</c>, as the Windows engine takes it for an npipe mount.</summary>
    internal static bool IsNamedPipe(string? path) => path is not null && NamedPipePath.IsMatch(path);

    private static bool IsOnlyInterpolation(string value) => Reference.Replace(value, string.Empty).Length == 0;
}
