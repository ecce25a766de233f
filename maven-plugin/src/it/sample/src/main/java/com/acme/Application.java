package com.acme;

/** Not a probe: the plugin leaves it alone. */
public final class Application {
    public static void main(String[] args) {
        System.out.println("hello");
    }
}
