package io.konet.core.push;

import io.konet.core.build.LayerSource;
import io.konet.core.build.PublishedApp;

/** A published app and where its layers can be read. */
public record PublishedSource(PublishedApp app, LayerSource layers) {}
