using System.Text;

// Findings/ is the bottom layer (docs: README, design notes); the namespace stays the one 0.1.0 shipped.
namespace Iklim.StackSdk.Building;

/// <summary>How serious a finding is, before any <c>.editorconfig</c> override.</summary>
public enum FindingSeverity
{
    /// <summary>The stack is risky but deployable.</summary>
    Warning,

    /// <summary>The stack cannot be written or deployed as declared.</summary>
    Error,
}

/// <summary>
/// Where in the stack something was set: a scope (<c>""</c> for the base, else the profile name),
/// the kind and name of the element, and the setting's key (the DSL call, e.g. <c>Replicas</c>,
/// <c>Environment:REDIS_PASSWORD</c>, or <see cref="Declaration"/>).
/// </summary>
public sealed record SourceRef(string Scope, string Kind, string Name, string Key)
{
    /// <summary>The key of the call that declared the element.</summary>
    public const string Declaration = "declaration";

    /// <summary>The same element's declaration.</summary>
    public SourceRef AtDeclaration => this with { Key = Declaration };

    // The positional members only: the generated printer would also print AtDeclaration, a new SourceRef whose own
    // AtDeclaration is printed in turn, without end.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Scope = ").Append(Scope).Append(", Kind = ").Append(Kind).Append(", Name = ").Append(Name).Append(", Key = ").Append(Key);
        return true;
    }
}

/// <summary>
/// A problem found in a stack: a catalogue ID (IKSnnnn), a message that names the service, the key and the
/// profile, where it was set, and the origin the front door attached to that place (a Roslyn location at
/// compile time, null at runtime).
/// </summary>
public sealed record Finding(string Id, FindingSeverity Severity, string Message, SourceRef Where)
{
    /// <summary>The origin of <see cref="Where"/>, when the builder was given an origin tracker.</summary>
    public object? Origin { get; init; }
}
