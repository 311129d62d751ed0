/*
 * The `dotnet` host in the seeded linux/amd64 runtime and aspnet images.
 *
 * Like the real host it takes the path of an app's main assembly; instead of running it, it
 * greets with the assembly's name, which is what a test needs to see that an image built on
 * this base starts its app: `dotnet /app/hello.dll` prints `Hello from konet! (hello)`.
 *
 * The seeded root file system holds no C library, so this program needs none: it is built
 * with `gcc -static -nostdlib` and talks to the Linux x86-64 kernel directly, which keeps
 * it a few kilobytes (a static glibc program is 700 KB, in every seeded image).
 */

static long syscall3(long number, long a, long b, long c) {
    long result;
    __asm__ volatile("syscall"
                     : "=a"(result)
                     : "a"(number), "D"(a), "S"(b), "d"(c)
                     : "rcx", "r11", "memory");
    return result;
}

static unsigned long length_of(const char *text) {
    unsigned long length = 0;
    while (text[length]) {
        length++;
    }
    return length;
}

static void print(int fd, const char *text, unsigned long length) {
    syscall3(1, fd, (long) text, (long) length);
}

static void print_text(int fd, const char *text) {
    print(fd, text, length_of(text));
}

static int run(long argc, char **argv) {
    if (argc < 2 || argv[1][0] == '-') {
        print_text(2, "Usage: dotnet [path-to-application]\n");
        return 129;
    }
    const char *path = argv[1];
    if (syscall3(21, (long) path, 4, 0) != 0) { /* access(path, R_OK) */
        print_text(2, "The application to execute does not exist: '");
        print_text(2, path);
        print_text(2, "'.\n");
        return 145;
    }
    const char *name = path;
    for (const char *p = path; *p; p++) {
        if (*p == '/') {
            name = p + 1;
        }
    }
    unsigned long length = length_of(name);
    if (length > 4 && name[length - 4] == '.' && name[length - 3] == 'd'
            && name[length - 2] == 'l' && name[length - 1] == 'l') {
        length -= 4;
    }
    print_text(1, "Hello from konet! (");
    print(1, name, length);
    print_text(1, ")\n");
    return 0;
}

void start_c(long *stack) {
    long argc = stack[0];
    char **argv = (char **) (stack + 1);
    syscall3(60, run(argc, argv), 0, 0); /* exit */
    for (;;) {
    }
}

__asm__(".text\n"
        ".global _start\n"
        "_start:\n"
        "    mov %rsp, %rdi\n"
        "    and $-16, %rsp\n"
        "    call start_c\n");
