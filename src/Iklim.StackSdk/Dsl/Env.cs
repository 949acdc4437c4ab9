using System;

namespace Iklim.StackSdk;

/// <summary>
/// Deploy-time variables. The build writes <c>${NAME}</c> verbatim and never reads the value:
/// <c>docker stack deploy</c> resolves it from the deploying shell's environment.
/// </summary>
public static class Env
{
    /// <summary><c>${NAME}</c>.</summary>
    /// <example><code>.Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD"))</code></example>
    public static string Var(string name)
    {
        Validate(name);
        return "${" + name + "}";
    }

    /// <summary><c>${NAME:-fallback}</c>: the fallback applies when NAME is unset or empty.</summary>
    /// <example><code>.Volume(Env.Var("PROMETHEUS_DATA_DIR", "prometheus-vl"), "/prometheus")</code></example>
    public static string Var(string name, string fallback)
    {
        Validate(name);
        if (fallback is null)
        {
            throw new ArgumentNullException(nameof(fallback));
        }

        if (fallback.IndexOf('}') >= 0)
        {
            throw new ArgumentException("A fallback cannot contain '}': Docker would end the variable there.", nameof(fallback));
        }

        return "${" + name + ":-" + fallback + "}";
    }

    private static void Validate(string name)
    {
        if (!Validation.Names.IsEnvironmentVariableName(name))
        {
            throw new ArgumentException($"'{name}' is not a variable name: use letters, digits and '_', not starting with a digit.", nameof(name));
        }
    }
}
