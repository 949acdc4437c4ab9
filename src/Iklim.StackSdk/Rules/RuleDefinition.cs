using System.Globalization;
using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// One entry of the rule catalogue: what a diagnostic is called, how its message reads, how serious it is by
/// default and where its page lives. Declared once, beside the rule's logic; the analyzers build their
/// descriptors from it, the runtime findings format their messages with it.
/// </summary>
/// <example><code>
/// public const string Id = "IKS0101";
/// public static RuleDefinition Rule { get; } = new(Id, "Replicated stateful service without max_replicas_per_node",
///     "service '{0}' runs {1} replicas {2} ...", FindingSeverity.Warning, "Swarm may place two replicas ...");
/// </code></example>
public sealed class RuleDefinition
{
    /// <summary>Declares a rule; see the class example.</summary>
    public RuleDefinition(string id, string title, string messageFormat, FindingSeverity defaultSeverity, string description)
    {
        Id = id;
        Title = title;
        MessageFormat = messageFormat;
        DefaultSeverity = defaultSeverity;
        Description = description;
    }

    /// <summary>The catalogue ID, IKSnnnn: what <c>.editorconfig</c> files and <c>#pragma</c>s name.</summary>
    public string Id { get; }

    /// <summary>The title; the rule's docs page starts with <c># {Id}: {Title}</c>.</summary>
    public string Title { get; }

    /// <summary>A composite format (<c>{0}</c>, <c>{1}</c>, ...) that every message of the rule is made from.</summary>
    public string MessageFormat { get; }

    /// <summary>How serious a finding is before any <c>.editorconfig</c> override.</summary>
    public FindingSeverity DefaultSeverity { get; }

    /// <summary>One sentence on why the rule exists.</summary>
    public string Description { get; }

    /// <summary>The category every rule of the SDK shares (the first argument of <c>[SuppressMessage]</c>).</summary>
    public string Category => RuleCatalogue.Category;

    /// <summary>The rule's page: <c>docs/rules/{Id}.md</c> on the project's site.</summary>
    public string HelpUri => RuleCatalogue.HelpBaseUri + Id + ".md";

    /// <summary>
    /// The message for <paramref name="arguments"/>, formatted with the invariant culture; a deploy-time reference in
    /// an argument reads <c>${NAME}</c>, as the user wrote it.
    /// </summary>
    public string Message(params object[] arguments) =>
        Model.Interpolation.ToDisplay(string.Format(CultureInfo.InvariantCulture, MessageFormat, arguments));

    /// <inheritdoc />
    public override string ToString() => Id + ": " + Title;
}
