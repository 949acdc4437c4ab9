using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Rules;
using Microsoft.CodeAnalysis;

namespace Iklim.StackSdk.Analyzers;

/// <summary>
/// One <see cref="DiagnosticDescriptor"/> per rule of <see cref="RuleCatalogue"/>, built from the rule's own
/// declaration: a rule added to the catalogue gets its descriptor here without an edit.
/// </summary>
public static class Descriptors
{
    // The SDK formats each finding's message with the rule's MessageFormat (the runtime and the compile time print the
    // same text), and the evaluator hands over that text: the descriptor only passes it through.
    private const string FormattedMessage = "{0}";

    /// <summary>Every descriptor, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = RuleCatalogue.All.Select(Create).ToImmutableArray();

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(d => d.Id);

    /// <summary>The descriptor of <paramref name="id"/>, or null when this analyzer version does not know it.</summary>
    public static DiagnosticDescriptor? For(string id) => ById.TryGetValue(id, out var descriptor) ? descriptor : null;

    private static DiagnosticDescriptor Create(RuleDefinition rule) => new(
        rule.Id,
        rule.Title,
        FormattedMessage,
        rule.Category,
        rule.DefaultSeverity == FindingSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        rule.Description,
        rule.HelpUri);
}
