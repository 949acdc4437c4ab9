using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Iklim.StackSdk.Building;
using Iklim.StackSdk.Model;
using Iklim.StackSdk.Rules;

namespace Iklim.StackSdk.Validation;

/// <summary>
/// Every whole-stack check in order: IKS0003 and IKS0004 (<see cref="StackValidator"/>), then the policy rules
/// (<see cref="StackRules"/>). <see cref="StackModel.Validate"/> is public since 0.1.0 but the model sits below the
/// checks, so the assembly hands this method to the model when it loads instead of the model calling up into them.
/// </summary>
internal static class StackChecks
{
    /// <summary>Fills <see cref="StackModel.Validate"/>'s slot before any code of the assembly runs.</summary>
    [ModuleInitializer]
    internal static void Register() => StackModel.Checks = Run;

    /// <summary>All findings of <paramref name="model"/>, without origins.</summary>
    public static IReadOnlyList<Finding> Run(StackModel model) => StackValidator.Validate(model).Concat(StackRules.Check(model)).ToList();
}
