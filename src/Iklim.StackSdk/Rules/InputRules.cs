using System.Collections.Generic;
using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// The rules about the stack code itself rather than its policy. Their logic is spread over the front doors, so
/// their definitions live here, each naming where it is checked:
/// IKS0001 in the analyzers' evaluator, IKS0002 in <c>Validation/Require</c> and <c>Validation/Names</c> (the
/// builders' <c>ArgumentException</c>s), IKS0003 and IKS0004 in <c>Validation/StackValidator</c> and
/// <c>Merging/OverlayPlanner</c>, IKS0005 in <c>Building/ScopeBuilder</c> and <c>Building/StackBuilder</c>.
/// </summary>
internal static class InputRules
{
    /// <summary>An expression in <c>Configure</c> cannot be evaluated at compile time; the message is the evaluator's.</summary>
    public static class NotEvaluable
    {
        public const string Id = "IKS0001";

        public static RuleDefinition Rule { get; } = new(
            Id,
            "Stack code must be evaluable at compile time",
            "{0}",
            FindingSeverity.Error,
            "The build evaluates Configure without running it: only literals, consts, enum members, interpolated strings, arrays, locals assigned once, Env.Var, Swarm.* and foreach over an array can be followed.");
    }

    /// <summary>A DSL call received a value the SDK rejects; the message is the builder's <c>ArgumentException</c>.</summary>
    public static class InvalidValue
    {
        public const string Id = "IKS0002";

        public static RuleDefinition Rule { get; } = new(
            Id,
            "Invalid value in a stack definition",
            "{0}",
            FindingSeverity.Error,
            "The SDK rejects this value at runtime too: it would throw ArgumentException when Configure runs.");
    }

    /// <summary>A service uses a network, secret, config or volume that is not declared.</summary>
    public static class UndeclaredReference
    {
        public const string Id = "IKS0003";

        public static RuleDefinition Rule { get; } = new(
            Id,
            "Reference to an undeclared network, secret, config or volume",
            "service '{0}' uses {1} '{2}', which is not declared in {3}; declare it with {4}",
            FindingSeverity.Error,
            "docker stack deploy rejects a stack whose services use top-level objects that the stack does not declare.");
    }

    /// <summary>A profile changes something that no overlay file can express.</summary>
    public static class InexpressibleOverlayChange
    {
        public const string Id = "IKS0004";

        public static RuleDefinition Rule { get; } = new(
            Id,
            "Profile change that an overlay cannot express",
            "profile '{0}' cannot change service '{1}': {2}",
            FindingSeverity.Error,
            "Overlays are merged by Docker's rules: some changes (dropping a base constraint, emptying a value) cannot be written as an overlay.");
    }

    /// <summary>The same service, resource or profile is declared twice in one scope.</summary>
    public static class DuplicateDeclaration
    {
        public const string Id = "IKS0005";

        public static RuleDefinition Rule { get; } = new(
            Id,
            "Declared twice",
            "{0} '{1}' is declared twice{2}; the second declaration continues the first.{3}",
            FindingSeverity.Warning,
            "A second declaration continues the first one, which usually hides a copy-paste mistake.");
    }

    /// <summary>The five, in ID order.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } = new[] { NotEvaluable.Rule, InvalidValue.Rule, UndeclaredReference.Rule, InexpressibleOverlayChange.Rule, DuplicateDeclaration.Rule };
}
