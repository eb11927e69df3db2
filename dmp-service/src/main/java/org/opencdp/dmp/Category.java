package org.opencdp.dmp;

/** A taxonomy node: built in (modelled on the IAB Audience Taxonomy) or added by a workspace. */
public record Category(String id, String name, String parentId, int tier, boolean builtIn) {}
