using System.Runtime.InteropServices;

// What a container user wants to see first: that the image runs, and on what.
Console.WriteLine("Hello from konet!");
Console.WriteLine($"  OS:           {RuntimeInformation.OSDescription}");
Console.WriteLine($"  Architecture: {RuntimeInformation.ProcessArchitecture}");
Console.WriteLine($"  Runtime:      {RuntimeInformation.FrameworkDescription}");
Console.WriteLine($"  User:         {Environment.UserName}");
