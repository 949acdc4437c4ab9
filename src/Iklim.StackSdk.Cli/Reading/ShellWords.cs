using System;
using System.Collections.Generic;
using System.Text;

namespace Iklim.StackSdk.Cli.Reading;

/// <summary>
/// Splits a string <c>command</c> or <c>entrypoint</c> into words as Docker's compose loader does before it reaches
/// Swarm: whitespace separates words, single quotes keep text literally, double quotes keep it but honour backslash
/// escapes, a backslash outside quotes escapes the next character, and a word starting with <c>#</c> starts a comment.
/// No shell runs, so nothing is expanded.
/// </summary>
internal static class ShellWords
{
    /// <summary>The words of <paramref name="text"/>; an unclosed quote is reported through <paramref name="error"/>.</summary>
    public static IReadOnlyList<string> Split(string text, Func<string, Exception> error)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                    inWord = false;
                }

                continue;
            }

            if (c == '#' && !inWord)
            {
                break;
            }

            inWord = true;
            switch (c)
            {
                case '\\':
                    if (++i >= text.Length)
                    {
                        throw error("the command ends with a lone backslash.");
                    }

                    word.Append(text[i]);
                    break;
                case '\'':
                    var close = text.IndexOf('\'', i + 1);
                    if (close < 0)
                    {
                        throw error("the command has an unclosed single quote.");
                    }

                    word.Append(text, i + 1, close - i - 1);
                    i = close;
                    break;
                case '"':
                    for (i++; ; i++)
                    {
                        if (i >= text.Length)
                        {
                            throw error("the command has an unclosed double quote.");
                        }

                        if (text[i] == '"')
                        {
                            break;
                        }

                        if (text[i] == '\\' && i + 1 < text.Length)
                        {
                            i++;
                        }

                        word.Append(text[i]);
                    }

                    break;
                default:
                    word.Append(c);
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
