package io.konet.core.layer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

/**
 * The security descriptor Windows layers carry on every entry, in the PAX record {@code
 * MSWINDOWS.rawsd}.
 *
 * <p>Without it, files unpacked into a Windows container belong to no one the container user can
 * act as, and the application cannot start. The descriptor gives owner and group to
 * BUILTIN\Users (SID S-1-5-32-545) and has no DACL, which leaves access unrestricted; it is the
 * self-relative binary form of the SDDL {@code O:BUG:BU}.
 */
public final class WindowsSecurityDescriptor {

  /** The PAX record name hcsshim reads. */
  public static final String PAX_RECORD = "MSWINDOWS.rawsd";

  /** Base64 of the descriptor, as the PAX record holds it. */
  public static final String BUILTIN_USERS_OWNER_AND_GROUP =
      Base64.getEncoder().encodeToString(builtinUsersOwnerAndGroup());

  private static final int HEADER_SIZE = 20;
  private static final int SID_SIZE = 16;
  private static final short SELF_RELATIVE = (short) 0x8000;

  private WindowsSecurityDescriptor() {}

  private static byte[] builtinUsersOwnerAndGroup() {
    ByteBuffer descriptor =
        ByteBuffer.allocate(HEADER_SIZE + 2 * SID_SIZE).order(ByteOrder.LITTLE_ENDIAN);
    descriptor.put((byte) 1); // revision
    descriptor.put((byte) 0); // padding
    descriptor.putShort(SELF_RELATIVE);
    descriptor.putInt(HEADER_SIZE); // owner offset
    descriptor.putInt(HEADER_SIZE + SID_SIZE); // group offset
    descriptor.putInt(0); // no SACL
    descriptor.putInt(0); // no DACL
    putBuiltinUsersSid(descriptor);
    putBuiltinUsersSid(descriptor);
    return descriptor.array();
  }

  private static void putBuiltinUsersSid(ByteBuffer descriptor) {
    descriptor.put((byte) 1); // revision
    descriptor.put((byte) 2); // two sub-authorities
    descriptor.put(new byte[] {0, 0, 0, 0, 0, 5}); // NT authority, big-endian by definition
    descriptor.putInt(32); // BUILTIN
    descriptor.putInt(545); // Users
  }
}
