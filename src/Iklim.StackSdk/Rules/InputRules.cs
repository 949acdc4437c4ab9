using System.Collections.Generic;
using Iklim.StackSdk.Building;

namespace Iklim.StackSdk.Rules;

/// <summary>
/// The rules about the stack code itself rather than its policy. Their logic is spread over the front doors, so
/// their definitions live here, each naming where it is checked:
/// IKS0001 in the analyzers' evaluator, IKS0002 in <c>Validation/Require</c> and <c>Validation/Names</c> (the
/// builders' <c>ArgumentException</c>s), IKS0003 and IKS0004 in <c>Validation/StackValidator</c> and
/// <c>Merging/OverlayPlanner</c>, IKS0005 in <c>Building/ScopeBuilder</c> and <c>Building/StackBuilder</c>, IKS0115 in the
/// analyzers' <c>Rules/LiteralInterpolationCheck</c> (only the C# text shows that a <c>${</c> was typed, not made by <c>Env</c>).
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
            "The build evaluates Configure without running it. It follows ordinary C# into code with source (and conventions libraries), but not what no build can know (clock, environment, files, randomness), culture-dependent formatting, or compiled code without source.");
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
            "profile '{0}' cannot change {1}: {2}",
            FindingSeverity.Error,
            "Overlays are merged by Docker's rules: some changes (dropping a base constraint, emptying a value, a secret or config left without a source) cannot be written as an overlay.");
    }

    /// <summary>In one scope, a later call changes a value that an earlier call set (declaring again only continues).</summary>
    public static class DuplicateDeclaration
    {
        public const string Id = "IKS0005";

        public static RuleDefinition Rule { get; } = new(
            Id,
            "A later call changes a value an earlier call set",
            "{0} '{1}': '{2}' was already set in {3} by an earlier call, and this call changes it. Keep one call, or move the change into a profile.",
            FindingSeverity.Warning,
            "Declaring an element again continues it; when a later call in the same scope changes what an earlier call set, one of the two is usually a mistake.");
    }

    /// <summary>A <c>${...}</c> typed inside a plain string passed to the DSL: Docker will not interpolate it.</summary>
    public static class LiteralInterpolation
    {
        public const string Id = "IKS0115";

        public static RuleDefinition Rule { get; } = new(
            Id,
            "A ${...} typed in a plain string is not interpolated",
            "'{0}' is typed in a plain string, so the container receives it as written, '$' and all; to have docker stack deploy read {1} from the deploying shell, write {2}",
            FindingSeverity.Warning,
            "Only Env.Var and its siblings make Docker interpolate: the build escapes every other '$' so that the container receives exactly the C# string.");
    }

    /// <summary>The six, in ID order.</summary>
    public static IReadOnlyList<RuleDefinition> All { get; } = new[] { NotEvaluable.Rule, InvalidValue.Rule, UndeclaredReference.Rule, InexpressibleOverlayChange.Rule, DuplicateDeclaration.Rule, LiteralInterpolation.Rule };
}
