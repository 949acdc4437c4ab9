using System;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk;

/// <summary>
/// Deploy-time variables: the only way to make Docker interpolate. The build writes <c>${NAME}</c> and never reads
/// the value: <c>docker stack deploy</c> resolves it from the deploying shell's environment. Every other <c>$</c> in
/// a value, a <c>${X}</c> typed in a string included, reaches the container as written (the build escapes it as
/// <c>$$</c>). Concatenate or interpolate the result like any string.
/// </summary>
public static class Env
{
    /// <summary><c>${NAME}</c>.</summary>
    /// <example><code>.Environment("REDIS_PASSWORD", Env.Var("REDIS_PASSWORD"))</code></example>
    public static string Var(string name)
    {
        Validate(name);
        return Interpolation.Reference(name);
    }

    /// <summary><c>${NAME:-fallback}</c>: the fallback applies when NAME is unset or empty.</summary>
    /// <example><code>.Volume(Env.Var("PROMETHEUS_DATA_DIR", "prometheus-vl"), "/prometheus")</code></example>
    public static string Var(string name, string fallback)
    {
        Validate(name);
        Text(fallback, nameof(fallback));
        return Interpolation.Reference(name + ":-" + fallback);
    }

    /// <summary>
    /// With <paramref name="onlyWhenUnset"/>, <c>${NAME-fallback}</c>: the fallback applies only when NAME is unset, and a
    /// NAME set to the empty string stays empty. Without it, the same as <see cref="Var(string, string)"/>.
    /// </summary>
    /// <example><code>.Environment("LOG_PREFIX", Env.Var("LOG_PREFIX", "app", onlyWhenUnset: true))</code></example>
    public static string Var(string name, string fallback, bool onlyWhenUnset)
    {
        if (!onlyWhenUnset)
        {
            return Var(name, fallback);
        }

        Validate(name);
        Text(fallback, nameof(fallback));
        Lacks(fallback, ":-", "Docker would read the variable's name up to there", nameof(fallback));
        return Interpolation.Reference(name + "-" + fallback);
    }

    /// <summary>
    /// <c>${NAME:?message}</c>: <c>docker stack deploy</c> refuses to deploy, showing <paramref name="message"/>, when
    /// NAME is unset or empty.
    /// </summary>
    /// <example><code>.Environment("API_KEY", Env.Required("API_KEY", "set API_KEY to the gateway's key"))</code></example>
    public static string Required(string name, string message) => Required(name, message, allowEmpty: false);

    /// <summary>
    /// <c>${NAME:?message}</c>, or with <paramref name="allowEmpty"/> <c>${NAME?message}</c>: the deploy is refused only when
    /// NAME is unset, and an empty NAME is passed on as empty.
    /// </summary>
    /// <example><code>.Environment("EXTRA_FLAGS", Env.Required("EXTRA_FLAGS", "set EXTRA_FLAGS, empty for none", allowEmpty: true))</code></example>
    public static string Required(string name, string message, bool allowEmpty)
    {
        Validate(name);
        Text(message, nameof(message));
        // Docker looks for ":-" and then "-" anywhere in the braces before it looks for "?": a '-' would turn the
        // message into a fallback and the variable into an unknown name.
        Lacks(message, "-", "Docker would read a fallback from there", nameof(message));
        if (allowEmpty)
        {
            Lacks(message, ":?", "Docker would read the variable's name up to there", nameof(message));
        }

        return Interpolation.Reference(name + (allowEmpty ? "?" : ":?") + message);
    }

    private static void Validate(string name)
    {
        if (!Validation.Names.IsEnvironmentVariableName(name))
        {
            throw Validation.Invalid.Argument($"'{name}' is not a variable name: use letters, digits and '_', not starting with a digit.", nameof(name));
        }
    }

    private static void Text(string value, string parameter)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameter);
        }

        Lacks(value, "}", "Docker would end the variable there", parameter);
    }

    private static void Lacks(string value, string text, string why, string parameter)
    {
        if (value.IndexOf(text, StringComparison.Ordinal) >= 0)
        {
            throw Validation.Invalid.Argument($"A {parameter} cannot contain '{text}': {why}.", parameter);
        }
    }
}
