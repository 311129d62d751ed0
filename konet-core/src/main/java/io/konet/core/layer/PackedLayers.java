package io.konet.core.layer;

import java.io.Serializable;
import java.util.List;

/**
 * The layers packed from one publish output, bottom first, and what the packer saw of the output.
 *
 * @param layers the layers, in the order they stack
 * @param appHost whether the output holds a native executable named after the assembly
 * @param managedEntryAssembly whether the output holds {@code <AssemblyName>.dll}
 */
public record PackedLayers(List<PackedLayer> layers, boolean appHost, boolean managedEntryAssembly)
    implements Serializable {

  public PackedLayers {
    layers = List.copyOf(layers);
  }
}
