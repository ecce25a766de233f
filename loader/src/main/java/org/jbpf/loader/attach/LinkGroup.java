package org.jbpf.loader.attach;

import java.util.List;

/** One attachment made of several (a program on an event per CPU); closing it closes each. */
final class LinkGroup implements Link {
    private final String description;
    private final List<Link> links;

    LinkGroup(String description, List<Link> links) {
        this.description = description;
        this.links = List.copyOf(links);
    }

    @Override public String description() { return description; }

    @Override public void close() { for (Link l : links) l.close(); }

    @Override public String toString() { return description + " " + links; }
}
