using System;
using System.Globalization;

namespace Iklim.StackSdk.Validation;

/// <summary>Argument checks for the DSL's runtime builders; each throws with the parameter's name.</summary>
internal static class Require
{
    public static string ObjectName(string? value, string kind, string parameter)
    {
        NotNull(value, parameter);
        if (!Names.IsObjectName(value))
        {
            throw Invalid.Argument($"'{value}' is not a valid {kind} name: Docker accepts letters, digits, '_', '.' and '-', starting with a letter or digit, at most 63 characters.", parameter);
        }

        return value!;
    }

    public static string NotEmpty(string? value, string what, string parameter)
    {
        NotNull(value, parameter);
        if (value!.Length == 0)
        {
            throw Invalid.Argument($"{what} cannot be empty.", parameter);
        }

        return value;
    }

    public static string Image(string? value, string parameter)
    {
        NotNull(value, parameter);
        if (!Names.IsImageReference(value))
        {
            throw Invalid.Argument($"'{value}' is not an image reference: expected [registry/]name[:tag][@digest] with a lowercase name.", parameter);
        }

        return value!;
    }

    public static string? Duration(string? value, string parameter)
    {
        if (value is not null && !Names.IsDuration(value))
        {
            throw Invalid.Argument($"'{value}' is not a duration: use Go syntax such as 5s, 1m30s or 500ms.", parameter);
        }

        return value;
    }

    public static string Constraint(string? value, string parameter)
    {
        NotNull(value, parameter);
        if (!Names.IsConstraint(value))
        {
            throw Invalid.Argument($"'{value}' is not a placement constraint: expected node.id|node.hostname|node.role|node.platform.os|node.platform.arch|node.labels.<name>|engine.labels.<name>, then == or !=, then a value.", parameter);
        }

        return value!.Trim();
    }

    public static int AtLeast(int value, int minimum, string what, string parameter)
    {
        if (value < minimum)
        {
            throw Invalid.Argument($"{what} must be at least {minimum.ToString(CultureInfo.InvariantCulture)}, not {value.ToString(CultureInfo.InvariantCulture)}.", parameter);
        }

        return value;
    }

    public static int Port(int value, string parameter)
    {
        if (value is < 1 or > 65535)
        {
            throw Invalid.Argument($"{value.ToString(CultureInfo.InvariantCulture)} is not a port: use 1 to 65535.", parameter);
        }

        return value;
    }

    /// <summary>A bind source: an absolute host path, a deploy-time variable, or a path relative to the stack project (<c>./caddy</c>).</summary>
    public static string HostPath(string? value, string what, string parameter) =>
        value is not null && Emitting.HostPaths.IsRelative(value) && value.IndexOf(':') < 0 ? value : AbsolutePath(value, what, parameter);

    public static string AbsolutePath(string? value, string what, string parameter)
    {
        NotNull(value, parameter);
        if (!Names.IsAbsolutePath(value) && !Names.HasInterpolation(value!))
        {
            throw Invalid.Argument($"{what} '{value}' must be an absolute path.", parameter);
        }

        if (value!.IndexOf(':') >= 0 && !Names.HasInterpolation(value))
        {
            throw Invalid.Argument($"{what} '{value}' cannot contain ':' (it separates source, target and mode).", parameter);
        }

        return value;
    }

    // Every string the DSL accepts passes here, so this is also where text that no YAML or JSON file can hold
    // (an unpaired UTF-16 surrogate) is rejected, instead of failing later in an emitter.
    public static void NotNull(object? value, string parameter)
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameter);
        }

        if (value is string text && UnpairedSurrogateAt(text) is { } index)
        {
            throw Invalid.Argument($"The text has an unpaired UTF-16 surrogate (\\u{((int)text[index]).ToString("X4", CultureInfo.InvariantCulture)} at index {index.ToString(CultureInfo.InvariantCulture)}), which no stack file can hold.", parameter);
        }
    }

    private static int? UnpairedSurrogateAt(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return null;
    }
}
