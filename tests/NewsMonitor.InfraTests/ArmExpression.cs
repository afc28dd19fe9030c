using System.Globalization;
using System.Text;

namespace NewsMonitor.InfraTests;

/// <summary>
/// A parsed ARM template expression (<c>[union(createObject('a', 'b'), …)]</c>): function calls, string and number
/// literals, property access and indexing. Enough to read which keys an object expression can produce when some
/// of its values are only known at deployment (a <c>reference()</c> to a resource not yet created).
/// </summary>
internal abstract record ArmExpression(string Text)
{
    public static ArmExpression Parse(string expression)
    {
        if (expression.Length < 2 || expression[0] != '[' || expression[^1] != ']' || expression.StartsWith("[[", StringComparison.Ordinal))
        {
            return new ArmString(expression, expression);
        }

        var parser = new Parser(expression[1..^1]);
        var result = parser.ParseExpression();
        parser.ExpectEnd();
        return result;
    }

    private sealed class Parser(string text)
    {
        private int position;

        public ArmExpression ParseExpression()
        {
            SkipSpace();
            var start = position;
            ArmExpression result;
            if (Peek() == '\'')
            {
                result = new ArmString(string.Empty, ReadString());
            }
            else if (char.IsAsciiDigit(Peek()) || Peek() == '-')
            {
                var digits = ReadWhile(c => char.IsAsciiDigit(c) || c == '-' || c == '.');
                result = new ArmNumber(digits, decimal.Parse(digits, CultureInfo.InvariantCulture));
            }
            else
            {
                var name = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_');
                if (name.Length == 0)
                {
                    throw Error("a function, string or number");
                }

                SkipSpace();
                if (Peek() == '(')
                {
                    position++;
                    var arguments = new List<ArmExpression>();
                    SkipSpace();
                    if (Peek() != ')')
                    {
                        while (true)
                        {
                            arguments.Add(ParseExpression());
                            SkipSpace();
                            if (Peek() == ',')
                            {
                                position++;
                                continue;
                            }

                            break;
                        }
                    }

                    Expect(')');
                    result = new ArmCall(string.Empty, name, arguments);
                }
                else
                {
                    result = new ArmCall(string.Empty, name, []);
                }
            }

            while (true)
            {
                SkipSpace();
                if (Peek() == '.')
                {
                    position++;
                    var member = ReadWhile(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$');
                    result = new ArmMember(string.Empty, result, member);
                }
                else if (Peek() == '[')
                {
                    position++;
                    var index = ParseExpression();
                    SkipSpace();
                    Expect(']');
                    result = new ArmIndex(string.Empty, result, index);
                }
                else
                {
                    break;
                }
            }

            return result with { Text = text[start..position].Trim() };
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (position != text.Length)
            {
                throw Error("the end of the expression");
            }
        }

        private string ReadString()
        {
            var value = new StringBuilder();
            position++;
            while (true)
            {
                if (position >= text.Length)
                {
                    throw Error("a closing quote");
                }

                if (text[position] == '\'')
                {
                    if (position + 1 < text.Length && text[position + 1] == '\'')
                    {
                        value.Append('\'');
                        position += 2;
                        continue;
                    }

                    position++;
                    return value.ToString();
                }

                value.Append(text[position++]);
            }
        }

        private string ReadWhile(Func<char, bool> accept)
        {
            var start = position;
            while (position < text.Length && accept(text[position]))
            {
                position++;
            }

            return text[start..position];
        }

        private void Expect(char expected)
        {
            if (Peek() != expected)
            {
                throw Error($"'{expected}'");
            }

            position++;
        }

        private char Peek() => position < text.Length ? text[position] : '\0';

        private void SkipSpace()
        {
            while (position < text.Length && char.IsWhiteSpace(text[position]))
            {
                position++;
            }
        }

        private FormatException Error(string expected) => new($"Expected {expected} at {position} in [{text}]");
    }
}

internal sealed record ArmString(string Text, string Value) : ArmExpression(Text);

internal sealed record ArmNumber(string Text, decimal Value) : ArmExpression(Text);

internal sealed record ArmCall(string Text, string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression(Text)
{
    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);
}

internal sealed record ArmMember(string Text, ArmExpression Target, string Member) : ArmExpression(Text);

internal sealed record ArmIndex(string Text, ArmExpression Target, ArmExpression Index) : ArmExpression(Text);
