using OCore.Cli;

return await OCoreCli.RunAsync(args, Console.Out, Console.Error);
