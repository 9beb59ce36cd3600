using PprrBot.Protocol;

namespace PprrBot.Tests.Protocol;

public class MentionTextTests
{
    private static readonly ChannelAccount Bot = new() { Id = "28:bot", Name = "PprrBot" };

    [Fact]
    public void RemovesTheBotsOwnMentionUsingTheEntity()
    {
        var activity = Message("<at>PprrBot</at> what is red?", Mention(Bot, "<at>PprrBot</at>"));

        var text = MentionText.StripBotMention(activity);

        Assert.Equal("what is red?", text);
    }

    [Fact]
    public void KeepsOtherPeoplesMentions()
    {
        var officer = new ChannelAccount { Id = "29:officer", Name = "Jo Bloggs" };
        var activity = Message(
            "<at>PprrBot</at> ask <at>Jo Bloggs</at> about absence",
            Mention(Bot, "<at>PprrBot</at>"),
            Mention(officer, "<at>Jo Bloggs</at>"));

        var text = MentionText.StripBotMention(activity);

        Assert.Equal("ask <at>Jo Bloggs</at> about absence", text);
    }

    [Fact]
    public void IgnoresAMentionEntityNamingTheBotButCarryingAnotherId()
    {
        var impostor = new ChannelAccount { Id = "29:someone", Name = "PprrBot" };
        var activity = Message("<at>PprrBot</at> hello", Mention(impostor, "<at>PprrBot</at>"));

        var text = MentionText.StripBotMention(activity);

        Assert.Equal("<at>PprrBot</at> hello", text);
    }

    [Fact]
    public void RemovesTheMentionByNameWhenTheEntityHasNoTextAndIgnoresCase()
    {
        var activity = Message("<AT>PprrBot</AT>\r\n budget&nbsp; please", Mention(Bot, null));

        var text = MentionText.StripBotMention(activity);

        Assert.Equal("budget please", text);
    }

    [Fact]
    public void RemovesTheHtmlEncodedFormOfTheBotsName()
    {
        var bot = new ChannelAccount { Id = "28:bot", Name = "Scrutiny & PPRR" };
        var activity = Message("<at>Scrutiny &amp; PPRR</at> savings", Mention(bot, null));
        activity.Recipient = bot;

        var text = MentionText.StripBotMention(activity);

        Assert.Equal("savings", text);
    }

    [Fact]
    public void LeavesTextWithoutMentionsAsItWas()
    {
        var activity = Message("  persistent absence  ");

        var text = MentionText.StripBotMention(activity);

        Assert.Equal("persistent absence", text);
    }

    private static Entity Mention(ChannelAccount who, string? text) => new() { Type = "mention", Mentioned = who, Text = text };

    private static Activity Message(string text, params Entity[] entities) =>
        new() { Type = "message", Text = text, Recipient = Bot, Entities = [.. entities] };
}
