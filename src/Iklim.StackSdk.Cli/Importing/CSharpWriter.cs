using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Iklim.StackSdk.Model;

namespace Iklim.StackSdk.Cli.Importing;

/// <summary>A profile's chains, by its name.</summary>
internal sealed record ProfileChains(string Name, IReadOnlyList<DslChain> Chains);

/// <summary>
/// Writes the stack class: one statement per chain with one call per line, strings that occur more than once as
/// <c>const</c>s, <c>${VAR}</c> as <c>Env.Var</c> (and its other forms) and Swarm templates as <c>Swarm.*</c>, so that the class reads
/// like one written by hand. The text is the same on every machine and culture.
/// </summary>
internal static class CSharpWriter
{
    private const string Indent = "    ";

    private static readonly (string Template, string Constant)[] SwarmTemplates =
    {
        (Swarm.NodeHostname, "Swarm.NodeHostname"), (Swarm.NodeId, "Swarm.NodeId"), (Swarm.ServiceName, "Swarm.ServiceName"),
        (Swarm.ServiceId, "Swarm.ServiceId"), (Swarm.TaskName, "Swarm.TaskName"), (Swarm.TaskSlot, "Swarm.TaskSlot"),
    };

    // Names a profile's lambda parameter cannot take: the stack parameter, and the C# keywords a profile name might spell.
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "stack", "base", "default", "new", "class", "event", "object", "string", "fixed", "checked", "operator", "internal",
        "public", "private", "static", "const", "params", "ref", "out", "in", "is", "as", "do", "if", "for", "var", "this",
        "null", "true", "false", "lock", "case", "try", "catch", "finally", "return", "throw", "while", "switch", "using",
    };


    /// <summary>The C# file of the stack class <paramref name="className"/> in <paramref name="ns"/>.</summary>
    public static string Write(string ns, string className, string stackName, string baseFile, IReadOnlyList<string> sources, IReadOnlyList<DslChain> baseChains, IReadOnlyList<ProfileChains> profiles)
    {
        var constants = Constants(baseChains.Concat(profiles.SelectMany(p => p.Chains)));
        var text = new StringBuilder();
        text.Append("using Iklim.StackSdk;\n\n");
        text.Append("namespace ").Append(ns).Append(";\n\n");
        text.Append("/// <summary>\n/// Imported by iklim-stack from ").Append(Xml(string.Join(", ", sources))).Append(".\n");
        text.Append("/// The base is what <c>docker stack deploy -c ").Append(Xml(baseFile)).Append("</c> deploys");
        text.Append(profiles.Count == 0 ? ".\n" : "; each profile becomes an overlay merged over it.\n");
        text.Append("/// </summary>\n");
        text.Append("[Stack(").Append(Literal(stackName)).Append(", BaseFile = ").Append(Literal(baseFile)).Append(")]\n");
        text.Append("public sealed class ").Append(className).Append(" : IStackDefinition\n{\n");
        foreach (var constant in constants.OrderBy(c => c.Value, StringComparer.Ordinal))
        {
            text.Append(Indent).Append("private const string ").Append(constant.Value).Append(" = ").Append(Literal(constant.Key)).Append(";\n");
        }

        if (constants.Count > 0)
        {
            text.Append('\n');
        }

        text.Append(Indent).Append("public void Configure(IStackBuilder stack)\n").Append(Indent).Append("{\n");
        var first = true;
        Statements(text, "stack", baseChains, Indent + Indent, constants, ref first);
        foreach (var profile in profiles)
        {
            if (!first)
            {
                text.Append('\n');
            }

            first = false;
            var variable = Identifier(profile.Name, camel: true) is { Length: > 0 } name && !Reserved.Contains(name) ? name : "profile";
            text.Append(Indent).Append(Indent).Append("stack.Profile(").Append(Literal(profile.Name)).Append(", ").Append(variable).Append(" =>\n");
            text.Append(Indent).Append(Indent).Append("{\n");
            var innerFirst = true;
            Statements(text, variable, profile.Chains, Indent + Indent + Indent, constants, ref innerFirst);
            text.Append(Indent).Append(Indent).Append("});\n");
        }

        text.Append(Indent).Append("}\n}\n");
        return text.ToString();
    }

    // Resources are one line each; a blank line separates resources from services and each service from the next.
    private static void Statements(StringBuilder text, string scope, IReadOnlyList<DslChain> chains, string indent, IReadOnlyDictionary<string, string> constants, ref bool first)
    {
        var previousWasResource = false;
        foreach (var chain in chains)
        {
            var isService = chain.Entry == "Service";
            if (!first && (isService || !previousWasResource))
            {
                text.Append('\n');
            }

            first = false;
            previousWasResource = !isService;
            text.Append(indent).Append(scope).Append('.').Append(chain.Entry).Append('(').Append(Value(chain.Name, constants)).Append(')');
            foreach (var call in chain.Calls)
            {
                if (isService)
                {
                    text.Append('\n').Append(indent).Append(Indent);
                }

                var arguments = call.Arguments.SelectMany(a => Arguments(a, constants)).ToList();
                var oneLine = string.Join(", ", arguments);

                // A long argument list (a command of many flags) gets one argument per line.
                text.Append('.').Append(call.Method).Append('(');
                if (isService && arguments.Count > 1 && indent.Length + Indent.Length + call.Method.Length + oneLine.Length > 120)
                {
                    var inner = "\n" + indent + Indent + Indent;
                    text.Append(inner).Append(string.Join("," + inner, arguments));
                }
                else
                {
                    text.Append(oneLine);
                }

                text.Append(')');
            }

            text.Append(";\n");
        }
    }

    private static IEnumerable<string> Arguments(DslArgument argument, IReadOnlyDictionary<string, string> constants) =>
        argument is { Expand: true, Value: string[] { Length: > 0 } items }
            ? items.Select(i => Value(i, constants))
            : new[] { (argument.Name is null ? string.Empty : argument.Name + ": ") + Value(argument.Value, constants) };

    private static string Value(object value, IReadOnlyDictionary<string, string> constants) => value switch
    {
        string text => constants.TryGetValue(text, out var constant) ? constant : StringExpression(text),
        int number => number.ToString(CultureInfo.InvariantCulture),
        long number => number.ToString(CultureInfo.InvariantCulture),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        Enum member => member.GetType().Name + "." + member.ToString(),
        // Never empty: the builders refuse an empty command, test or alias list before anything is written.
        string[] items => "new[] { " + string.Join(", ", items.Select(i => Value(i, constants))) + " }",
        _ => throw new InvalidOperationException("No C# form for " + value.GetType().Name),
    };

    // Deploy-time references as Env calls and Swarm templates as Swarm constants, in an interpolated string when
    // there is text around them; a literal '$' stays a '$' of the C# string.
    private static string StringExpression(string text)
    {
        var parts = Interpolation.Parts(text);
        if (parts.Count == 1 && parts[0].IsReference)
        {
            return EnvCall(parts[0].Text);
        }

        if (!parts.Any(p => p.IsReference) && !SwarmTemplates.Any(t => text.Contains(t.Template, StringComparison.Ordinal)))
        {
            return Literal(text);
        }

        var body = new StringBuilder();
        foreach (var (isReference, part) in parts)
        {
            if (isReference)
            {
                body.Append('{').Append(EnvCall(part)).Append('}');
                continue;
            }

            for (var i = 0; i < part.Length;)
            {
                var template = SwarmTemplates.FirstOrDefault(t => string.CompareOrdinal(part, i, t.Template, 0, t.Template.Length) == 0);
                if (template.Template is not null)
                {
                    body.Append('{').Append(template.Constant).Append('}');
                    i += template.Template.Length;
                    continue;
                }

                var c = part[i++];
                body.Append(c switch { '{' => "{{", '}' => "}}", _ => Escape(c) });
            }
        }

        return "$\"" + body + "\"";
    }

    private static string EnvCall(string body) =>
        EnvSource.Call(body, Literal) ?? throw new InvalidOperationException("'${" + body + "}' is not a variable reference the DSL can write.");

    /// <summary>A C# string literal of <paramref name="text"/>.</summary>
    public static string Literal(string text) => "\"" + string.Concat(text.Select(Escape)) + "\"";

    private static string Escape(char c) => c switch
    {
        '"' => "\\\"",
        '\\' => "\\\\",
        '\n' => "\\n",
        '\r' => "\\r",
        '\t' => "\\t",
        '\0' => "\\0",
        _ when char.IsControl(c) || char.IsSurrogate(c) => "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
        _ => c.ToString(),
    };

    private static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    // A name that occurs twice or more gets a const named after it: a service, network, volume, secret or config
    // name, an image, or a placement constraint. Other repeated text (flags, "true") reads better where it is.
    private static readonly HashSet<string> NamingCalls = new(StringComparer.Ordinal) { "Network", "Volume", "Secret", "Config", "Image", "Constraint" };

    private static IReadOnlyDictionary<string, string> Constants(IEnumerable<DslChain> chains)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Count(object value)
        {
            if (value is string text)
            {
                counts[text] = counts.TryGetValue(text, out var n) ? n + 1 : 1;
            }
            else if (value is string[] items)
            {
                foreach (var item in items)
                {
                    Count(item);
                }
            }
        }

        foreach (var chain in chains)
        {
            Count(chain.Name);
            names.Add(chain.Name);
            foreach (var call in chain.Calls)
            {
                if (NamingCalls.Contains(call.Method) && call.Arguments.Count > 0 && call.Arguments[0].Value is string name)
                {
                    names.Add(name);
                }

                foreach (var argument in call.Arguments)
                {
                    Count(argument.Value);
                }
            }
        }

        var constants = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal) { "Configure" };
        foreach (var entry in counts.Where(e => e.Value >= 2 && names.Contains(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (entry.Key.Length < 3 || char.IsDigit(entry.Key[0]) || Interpolation.Contains(entry.Key)
                || SwarmTemplates.Any(t => entry.Key.Contains(t.Template, StringComparison.Ordinal))
                || Identifier(entry.Key, camel: false) is not { Length: > 0 and <= 40 } name)
            {
                continue;
            }

            var unique = name;
            for (var n = 2; !used.Add(unique); n++)
            {
                unique = name + n.ToString(CultureInfo.InvariantCulture);
            }

            constants.Add(entry.Key, unique);
        }

        return constants;
    }

    /// <summary>
    /// A C# identifier made of the ASCII letters and digits of <paramref name="text"/>, each word capitalised
    /// (<c>iklimco-net</c> becomes <c>IklimcoNet</c>); empty when nothing usable is left or it would start with a digit.
    /// </summary>
    public static string Identifier(string text, bool camel)
    {
        var result = new StringBuilder();
        foreach (var word in Regex.Split(text, "[^A-Za-z0-9]+", RegexOptions.CultureInvariant).Where(w => w.Length > 0))
        {
            // A word in capitals (REDIS_PASSWORD) reads as a word (RedisPassword); a word in mixed case keeps its case.
            var rest = word.Substring(1);
            result.Append(char.ToUpperInvariant(word[0])).Append(word.Any(char.IsLower) ? rest : rest.ToLowerInvariant());
        }

        if (result.Length == 0 || char.IsDigit(result[0]))
        {
            return string.Empty;
        }

        if (camel)
        {
            result[0] = char.ToLowerInvariant(result[0]);
        }

        return result.ToString();
    }
}
