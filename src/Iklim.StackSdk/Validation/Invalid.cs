using System;

namespace Iklim.StackSdk.Validation;

/// <summary>The <see cref="ArgumentException"/> every builder check throws: a deploy-time reference in the quoted value reads <c>${NAME}</c>.</summary>
internal static class Invalid
{
    public static ArgumentException Argument(string message, string parameter) => new(Model.Interpolation.ToDisplay(message), parameter);
}
