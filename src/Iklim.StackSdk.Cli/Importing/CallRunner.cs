using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Iklim.StackSdk.Cli.Importing;

/// <summary>
/// Runs <see cref="DslChain"/>s against the SDK's own builders, exactly as the generated C# will call them, so that
/// every argument passes the DSL's checks before a single file is written. A check that fails is reported at the
/// compose key the call came from.
/// </summary>
internal static class CallRunner
{
    /// <summary>Runs <paramref name="chains"/> on <paramref name="scope"/> (the stack builder or a profile builder).</summary>
    public static void Run(IStackScope scope, IEnumerable<DslChain> chains, Func<string, string, Exception> refused)
    {
        foreach (var chain in chains)
        {
            var builder = Invoke(typeof(IStackScope), scope, chain.Entry, new[] { new DslArgument(null, chain.Name) }, chain.Path, refused);
            var builderType = typeof(IStackScope).GetMethod(chain.Entry)!.ReturnType;
            foreach (var call in chain.Calls)
            {
                builder = Invoke(builderType, builder, call.Method, call.Arguments, call.Path, refused);
            }
        }
    }

    private static object Invoke(Type type, object target, string method, IReadOnlyList<DslArgument> arguments, string path, Func<string, string, Exception> refused)
    {
        var candidates = type.GetMethods().Where(m => m.Name == method).ToList();
        foreach (var candidate in candidates)
        {
            if (Bind(candidate.GetParameters(), arguments) is { } values)
            {
                try
                {
                    return candidate.Invoke(target, values)!;
                }
                catch (TargetInvocationException e) when (e.InnerException is ArgumentException argument)
                {
                    throw refused(path, "the DSL refuses this value: " + FirstSentence(argument.Message));
                }
            }
        }

        throw new InvalidOperationException($"No {type.Name}.{method} takes ({string.Join(", ", arguments.Select(a => a.Name ?? a.Value.GetType().Name))}).");
    }

    // ArgumentException appends "(Parameter 'x')" on its own line; the first part is the DSL's message.
    private static string FirstSentence(string message)
    {
        var parameter = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter < 0 ? message : message.Substring(0, parameter);
    }

    private static object?[]? Bind(ParameterInfo[] parameters, IReadOnlyList<DslArgument> arguments)
    {
        var values = new object?[parameters.Length];
        var bound = new bool[parameters.Length];
        var positional = 0;
        foreach (var argument in arguments)
        {
            var index = argument.Name is null ? positional++ : Array.FindIndex(parameters, p => p.Name == argument.Name);
            if (index < 0 || index >= parameters.Length || !parameters[index].ParameterType.IsInstanceOfType(argument.Value))
            {
                return null;
            }

            values[index] = argument.Value;
            bound[index] = true;
        }

        for (var i = 0; i < parameters.Length; i++)
        {
            if (!bound[i])
            {
                if (parameters[i].IsDefined(typeof(ParamArrayAttribute)))
                {
                    values[i] = Array.CreateInstance(parameters[i].ParameterType.GetElementType()!, 0);
                }
                else if (parameters[i].HasDefaultValue)
                {
                    values[i] = parameters[i].DefaultValue;
                }
                else
                {
                    return null;
                }
            }
        }

        return values;
    }
}
