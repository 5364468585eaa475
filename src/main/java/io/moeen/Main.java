package io.moeen;

public final class Main {
  public static void main(String[] args) {
  }
}
