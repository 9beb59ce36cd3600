using PprrBot.Cli;
using PprrBot.Conversation;
using PprrBot.Data;
using PprrBot.Health;
using PprrBot.Protocol;
using PprrBot.Routing;
using PprrBot.Summaries;

// `pprrbot import|ask|...` runs a command and exits; no arguments (or host arguments) runs the service.
if (PprrCommandLine.IsCommand(args))
{
    return await PprrCommandLine.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.AddPprrData();
builder.AddProtocol();
builder.AddConversation();
builder.AddRouting();
builder.AddSummaries();
builder.AddHealth();

var app = builder.Build();

app.MapProtocol();
app.MapHealth();

await app.RunAsync();
return 0;
