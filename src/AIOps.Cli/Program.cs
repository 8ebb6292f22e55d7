using AIOps.Cli;

return await AiopsCommandLine.Build().Parse(args).InvokeAsync();
