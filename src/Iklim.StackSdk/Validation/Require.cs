using System;
using System.Globalization;
using System.Linq;

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

    // Docker takes any text after "group:"; an empty one it refuses at deploy (invalid cluster source), and a repeated
    // prefix would name a group called "group:...", which is a slip, not a name.
    public static string ClusterVolumeGroup(string? value, string parameter)
    {
        NotEmpty(value, "A volume group", parameter);
        if (value!.StartsWith(Model.Keys.ComposeWords.ClusterVolumeGroupPrefix, StringComparison.Ordinal))
        {
            throw Invalid.Argument($"'{value}': give the group's name alone; ClusterVolumeGroup writes the '{Model.Keys.ComposeWords.ClusterVolumeGroupPrefix}' prefix.", parameter);
        }

        return value;
    }

    // The Windows engine takes only a pipe path for both ends of an npipe mount ("is not a valid pipe path"); Docker's
    // converter refuses an empty source at deploy.
    public static string NamedPipe(string? value, string what, string parameter)
    {
        NotEmpty(value, what, parameter);
        if (!Names.IsNamedPipe(value))
        {
            throw Invalid.Argument($"{what} '{value}' is not a named pipe: write it \\\\.\\pipe\\<name> (or //./pipe/<name>).", parameter);
        }

        return value!;
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

    /// <summary>A subnet as Docker parses it: an IPv4 or IPv6 address with an optional prefix length, or an interpolation.</summary>
    public static string Subnet(string? value, string parameter)
    {
        NotNull(value, parameter);
        if (Names.HasInterpolation(value!))
        {
            return value!;
        }

        var slash = value!.IndexOf('/');
        var address = slash < 0 ? value : value.Substring(0, slash);

        // IPAddress also takes "10.1" and "fe80::1%eth0", which Docker's parser refuses.
        var ipv6 = address.IndexOf(':') >= 0;
        var valid = System.Net.IPAddress.TryParse(address, out _) && address.IndexOf('%') < 0 && !address.Any(char.IsWhiteSpace)
            && (ipv6 || address.Split('.').Length == 4);
        if (valid && slash >= 0)
        {
            var maximum = ipv6 ? 128 : 32;
            var prefix = value.Substring(slash + 1);
            valid = prefix.Length is > 0 and <= 3 && prefix.All(c => c is >= '0' and <= '9') && int.Parse(prefix, CultureInfo.InvariantCulture) <= maximum;
        }

        if (!valid)
        {
            throw new ArgumentException($"'{value}' is not a subnet: write it in CIDR notation, such as 10.20.0.0/24 or fd00:20::/64.", parameter);
        }

        return value;
    }

    /// <summary>
    /// Where a secret or config is mounted: an absolute path, or a bare file name (Docker puts a secret's in
    /// <c>/run/secrets/</c>, a config's in <c>/</c>).
    /// </summary>
    public static string FileTarget(string? value, string parameter)
    {
        NotNull(value, parameter);
        if (Names.IsAbsolutePath(value) || Names.HasInterpolation(value!))
        {
            return AbsolutePath(value, "The mount target", parameter);
        }

        if (value!.Length == 0 || value is "." or ".." || value.IndexOf('/') >= 0 || value.IndexOf(':') >= 0)
        {
            throw new ArgumentException($"The mount target '{value}' must be an absolute path or a bare file name (no '/' or ':').", parameter);
        }

        return value;
    }

    /// <summary>A numeric user or group id, as Swarm takes it for a mounted secret or config (a name is not looked up).</summary>
    public static string? NumericId(string? value, string what, string parameter)
    {
        if (value is null)
        {
            return null;
        }

        NotNull(value, parameter);
        if (Names.HasInterpolation(value))
        {
            return value;
        }

        if (value.Length is 0 or > 10 || !value.All(c => c is >= '0' and <= '9'))
        {
            throw new ArgumentException($"The {what} '{value}' must be a number, such as \"999\".", parameter);
        }

        return value;
    }

    /// <summary>A file mode written in octal, as <c>chmod</c> takes it (<c>"0440"</c>, <c>"440"</c>); returns its number.</summary>
    public static int? FileMode(string? octal, string parameter)
    {
        if (octal is null)
        {
            return null;
        }

        var digits = octal.StartsWith("0o", StringComparison.Ordinal) ? octal.Substring(2) : octal;
        if (digits.Length is 0 or > 5 || digits.Any(c => c is < '0' or > '7'))
        {
            throw new ArgumentException($"'{octal}' is not a file mode: write it in octal, such as \"0440\".", parameter);
        }

        var mode = digits.Aggregate(0, (value, digit) => (value * 8) + (digit - '0'));
        if (mode > 4095)
        {
            throw new ArgumentException($"'{octal}' is not a file mode: the largest is \"07777\".", parameter);
        }

        return mode;
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
