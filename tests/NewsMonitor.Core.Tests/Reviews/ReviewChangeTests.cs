using System.Text.Json;
using NewsMonitor.Reviews;

namespace NewsMonitor.Tests.Reviews;

public sealed class ReviewChangeTests
{
    private static readonly DateTimeOffset At = new(2025, 3, 31, 12, 0, 0, TimeSpan.Zero);

    private static readonly ReviewEntry Dismissed = new(ReviewStates.Dismissed, true, "a street, not the man", "checked twice", "ana", At.AddHours(-1));

    public static TheoryData<string, ReviewChange> Bodies => new()
    {
        { """{"state":"dismissed","reason":"street"}""", new ReviewChange { State = "dismissed", Reason = "street" } },
        { """{"starred":true}""", new ReviewChange { Starred = true } },
        { """{"state":null,"reason":null,"note":null,"starred":null}""", new ReviewChange { State = "", Reason = "", Note = "", Starred = false } },
        { """{"note":"call the desk"}""", new ReviewChange { Note = "call the desk" } },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public void AnAbsentPropertyIsKeptAndANullOneCleared(string body, ReviewChange expected)
    {
        var change = ReviewChange.FromJson(JsonDocument.Parse(body).RootElement, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, change);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { """["dismissed"]""", "body: must be an object with state, starred, reason and/or note" },
        { """{"starred":"yes"}""", "starred: \"yes\" must be true or false" },
        { """{"state":1}""", "state: 1 must be a string or null" },
        { """{"stat":"relevant"}""", "stat: unknown key — did you mean \"state\"?" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public void ABadBodyNamesTheProperty(string body, string problem)
    {
        ReviewChange.FromJson(JsonDocument.Parse(body).RootElement, out var problems);

        Assert.Equal([problem], problems);
    }

    public static TheoryData<string, ReviewChange, string> Invalid => new()
    {
        { "unknown state", new ReviewChange { State = "spam" }, "state: \"spam\" is not one of relevant, dismissed (or null to clear)" },
        { "state in capitals", new ReviewChange { State = "Dismissed" }, "state: \"Dismissed\" is not one of relevant, dismissed (or null to clear)" },
        { "reason too long", new ReviewChange { State = "dismissed", Reason = new string('x', 2001) }, "reason: 2,001 characters; at most 2,000" },
        { "note too long", new ReviewChange { Note = new string('x', 5000) }, "note: 5,000 characters; at most 2,000" },
        { "nothing", new ReviewChange(), "body: names none of state, starred, reason, note" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void AnInvalidChangeSaysWhatIsWrong(string name, ReviewChange change, string problem)
    {
        var problems = change.Validate();

        Assert.Equal((name, problem), (name, Assert.Single(problems)));
    }

    [Fact]
    public void TheLongestReasonAndNoteAreAccepted()
    {
        var change = new ReviewChange { State = "dismissed", Reason = new string('x', 2000), Note = new string('y', 2000) };

        Assert.Empty(change.Validate());
    }

    public static TheoryData<string, ReviewEntry?, ReviewChange, ReviewEntry> Applied => new()
    {
        { "first action on an unreviewed match", null, new ReviewChange { State = "relevant" }, new ReviewEntry("relevant", false, null, null, "bo", At) },
        { "starring keeps the state, reason and note", Dismissed, new ReviewChange { Starred = false }, Dismissed with { Starred = false, By = "bo", At = At } },
        { "moving away from dismissed drops the reason", Dismissed, new ReviewChange { State = "relevant" }, new ReviewEntry("relevant", true, null, "checked twice", "bo", At) },
        { "a reason given with the new state is kept", Dismissed, new ReviewChange { State = "relevant", Reason = "on second look" }, new ReviewEntry("relevant", true, "on second look", "checked twice", "bo", At) },
        { "empty strings clear", Dismissed, new ReviewChange { State = "", Note = "" }, new ReviewEntry(null, true, null, null, "bo", At) },
        { "text is trimmed", null, new ReviewChange { State = "dismissed", Reason = "  street name \n" }, new ReviewEntry("dismissed", false, "street name", null, "bo", At) },
    };

    [Theory]
    [MemberData(nameof(Applied))]
    public void AChangeReplacesWhatItNamesAndKeepsTheRest(string name, ReviewEntry? current, ReviewChange change, ReviewEntry expected)
    {
        var applied = change.ApplyTo(current, "bo", At);

        Assert.Equal((name, expected), (name, applied));
    }

    [Fact]
    public void UndoRestoresThePreviousEntryExactly()
    {
        var previous = new ReviewEntry("relevant", false, null, "first look", "ana", At.AddHours(-2));
        var review = Review.From("a", Dismissed, [Dismissed, previous]);

        var undone = ReviewChange.Undo(review)!.ApplyTo(Dismissed, "bo", At);

        Assert.Equal(previous with { By = "bo", At = At }, undone);
    }

    [Fact]
    public void UndoOfTheOnlyActionLeavesTheMatchUnreviewed()
    {
        var review = Review.From("a", Dismissed, [Dismissed]);

        var undone = ReviewChange.Undo(review)!.ApplyTo(Dismissed, "bo", At);

        Assert.Equal(new ReviewEntry(null, false, null, null, "bo", At), undone);
        Assert.Null(ReviewChange.Undo(Review.Unreviewed("a")));
    }
}
