using System;
using System.Collections.Generic;
using System.Linq;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// Every rule of the SDK, in ID order: the input rules IKS0001–IKS0005 (<see cref="InputRules"/>) and the policy
/// rules IKS01xx that <see cref="StackRules"/> runs. Each rule declares its <see cref="RuleDefinition"/> once, beside
/// its logic; this class only lists them, so a rule added to <see cref="StackRules"/> is in the catalogue.
/// </summary>
/// <example><code>
/// var rule = RuleCatalogue.For("IKS0107");
/// Console.WriteLine($"{rule!.Title}: {rule.HelpUri}");
/// </code></example>
public static class RuleCatalogue
{
    /// <summary>The category of every rule.</summary>
    public const string Category = "Iklim.StackSdk";

    /// <summary>Where the page of every rule lives: <c>docs/rules/IKSnnnn.md</c>.</summary>
    public const string HelpBaseUri = "https://github.com/iklimco/Iklim.StackSdk/blob/main/docs/rules/";

    /// <summary>Every rule, in ordinal ID order.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } = InputRules.All
        .Concat(StackRules.Definitions)
        .OrderBy(r => r.Id, StringComparer.Ordinal)
        .ToList();

    private static readonly Dictionary<string, RuleDefinition> ById = All.ToDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>The rule <paramref name="id"/>, or null when this SDK version does not know it.</summary>
    public static RuleDefinition? For(string id) => ById.TryGetValue(id, out var rule) ? rule : null;
}
