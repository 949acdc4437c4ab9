using System.Collections.Generic;
using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// One policy rule of the catalogue. A rule sees one scope at a time (the base, or a profile's effective stack)
/// and knows nothing of the other scopes: <see cref="StackRules"/> decides what is new in a profile.
/// </summary>
internal abstract class StackRule
{
    /// <summary>The rule's catalogue entry: ID, title, message format, severity, help link.</summary>
    public abstract RuleDefinition Definition { get; }

    /// <summary>The problems of <paramref name="scope"/>, each pointing at the call that caused it there.</summary>
    public abstract IEnumerable<Finding> Check(RuleScope scope);
}
