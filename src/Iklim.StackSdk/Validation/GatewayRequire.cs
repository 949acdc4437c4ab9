using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace Iklim.StackSdk.Validation;

/// <summary>Argument checks for the gateway builders; each throws with the parameter's name.</summary>
internal static class GatewayRequire
{
    private static readonly Regex AdminId = new("^[a-zA-Z0-9._-]{1,64}$", RegexOptions.CultureInvariant);

    /// <summary>An Admin API object id: it becomes part of the URL path.</summary>
    public static string Id(string? value, string parameter)
    {
        Require.NotNull(value, parameter);
        if (!AdminId.IsMatch(value))
        {
            throw Invalid.Argument($"'{value}' is not an APISIX id: use 1 to 64 letters, digits, '.', '_' or '-'.", parameter);
        }

        return value!;
    }

    /// <summary>A single word without whitespace (hosts, headers, address ranges).</summary>
    public static string Token(string? value, string what, string parameter)
    {
        value = Require.NotEmpty(value, what, parameter);
        if (value.Any(char.IsWhiteSpace))
        {
            throw Invalid.Argument($"{what} cannot contain whitespace: '{value}'.", parameter);
        }

        return value;
    }

    /// <summary>A path starting with '/'.</summary>
    public static string Path(string? value, string what, string parameter)
    {
        Token(value, what, parameter);
        if (value![0] != '/')
        {
            throw Invalid.Argument($"{what} must start with '/': '{value}'.", parameter);
        }

        return value;
    }

    /// <summary>An etcd endpoint URL.</summary>
    public static string EtcdHost(string? value, string parameter)
    {
        Token(value, "An etcd host", parameter);
        if (!value!.StartsWith("http://", StringComparison.Ordinal) && !value.StartsWith("https://", StringComparison.Ordinal))
        {
            throw Invalid.Argument($"The etcd host '{value}' must be a URL such as http://iklim-db-01:2379.", parameter);
        }

        return value;
    }

    public static int RejectedCode(int value, string parameter)
    {
        if (value is < 200 or > 599)
        {
            throw Invalid.Argument($"{value.ToString(CultureInfo.InvariantCulture)} is not an HTTP status code APISIX can reject with: use 200 to 599.", parameter);
        }

        return value;
    }

    public static T Defined<T>(T value, string parameter)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(typeof(T), value))
        {
            throw Invalid.Argument($"{value} is not a {typeof(T).Name}.", parameter);
        }

        return value;
    }

    /// <summary>True for exactly <c>Env.Var(NAME)</c>: a value the script reads from its environment.</summary>
    public static bool IsVariable(string value) =>
        Model.Interpolation.IsWholeReference(value) && Names.IsEnvironmentVariableName(Model.Interpolation.Body(value));

    /// <summary>The NAME of <c>Env.Var(NAME)</c>.</summary>
    public static string VariableName(string value) => Model.Interpolation.Body(value);
}
