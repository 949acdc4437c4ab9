using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Iklim.StackSdk.Emitting.Gateway;

/// <summary>
/// Writes one JSON document for an Admin API call, as pieces: literal JSON text, and strings that the script reads
/// from its environment at run time (the Redis password). Strings are escaped to pure ASCII (<c>\uXXXX</c> for
/// everything else), so the literal pieces hold no quote, newline or byte the shell could read as anything but text.
/// </summary>
internal sealed class JsonText
{
    private readonly List<JsonPiece> _pieces = new();
    private readonly StringBuilder _literal = new();
    private readonly Stack<bool> _first = new();

    public IReadOnlyList<JsonPiece> Finish()
    {
        Flush();
        return _pieces;
    }

    public JsonText BeginObject()
    {
        Separate();
        _literal.Append('{');
        _first.Push(true);
        return this;
    }

    public JsonText EndObject()
    {
        _first.Pop();
        _literal.Append('}');
        return this;
    }

    public JsonText BeginArray()
    {
        Separate();
        _literal.Append('[');
        _first.Push(true);
        return this;
    }

    public JsonText EndArray()
    {
        _first.Pop();
        _literal.Append(']');
        return this;
    }

    public JsonText Key(string name)
    {
        Separate();
        Quote(_literal, name);
        _literal.Append(':');
        _first.Pop();
        _first.Push(true);
        return this;
    }

    public JsonText String(string value)
    {
        Separate();
        Quote(_literal, value);
        return this;
    }

    public JsonText Number(int value)
    {
        Separate();
        _literal.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public JsonText Number(double value)
    {
        Separate();
        _literal.Append(value.ToString("R", CultureInfo.InvariantCulture));
        return this;
    }

    public JsonText Boolean(bool value)
    {
        Separate();
        _literal.Append(value ? "true" : "false");
        return this;
    }

    /// <summary>A string the script takes from the environment variable <paramref name="variable"/> when it runs.</summary>
    public JsonText RuntimeString(string variable)
    {
        Separate();
        Flush();
        _pieces.Add(new JsonPiece(null, variable));
        return this;
    }

    /// <summary>The JSON string literal of <paramref name="value"/>, ASCII only.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder();
        Quote(text, value);
        return text.ToString();
    }

    private static void Quote(StringBuilder text, string value)
    {
        // The Admin API never interpolates; a deploy-time reference outside RuntimeString reads as written.
        value = Model.Interpolation.ToDisplay(value);
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || c > 0x7e)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    // The flag on top says whether the next value is the first of its object or array; a key clears it for its value.
    private void Separate()
    {
        if (_first.Count == 0)
        {
            return;
        }

        if (!_first.Pop())
        {
            _literal.Append(',');
        }

        _first.Push(false);
    }

    private void Flush()
    {
        if (_literal.Length > 0)
        {
            _pieces.Add(new JsonPiece(_literal.ToString(), null));
            _literal.Clear();
        }
    }
}

/// <summary>Literal JSON text, or the name of an environment variable whose value is a JSON string at run time.</summary>
internal sealed record JsonPiece(string? Literal, string? Variable);
