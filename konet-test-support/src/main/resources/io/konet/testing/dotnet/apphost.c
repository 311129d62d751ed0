/*
 * The application host that the stand-in dotnet writes for linux-x64 (and linux-musl-x64).
 *
 * Built with `gcc -static`, so it runs in any x64 Linux root file system, including the
 * seeded base images, which hold no C library. apphost_config.h is written next to this
 * file before each build; it names the assembly and carries a digest of the project's
 * source, so the binary changes exactly when the real apphost would.
 */
#include <stdio.h>

#include "apphost_config.h"

/* Kept in the binary so that two projects with the same name still differ. */
__attribute__((used)) static const char source_digest[] = KONET_SOURCE_DIGEST;

int main(void) {
    printf("Hello from konet! (%s)\n", KONET_ASSEMBLY_NAME);
    return 0;
}
