package io.moeen.common.pdf;

import com.ibm.icu.text.ArabicShaping;
import com.ibm.icu.text.ArabicShapingException;
import com.ibm.icu.text.Bidi;
import com.ibm.icu.text.BidiRun;
import com.openhtmltopdf.bidi.BidiReorderer;
import com.openhtmltopdf.bidi.BidiSplitter;
import com.openhtmltopdf.bidi.BidiSplitterFactory;
import com.openhtmltopdf.bidi.BidiTextRun;

/**
 * The Unicode bidirectional algorithm and Arabic shaping for the PDF renderer, from ICU4J (already a
 * dependency). openhtmltopdf's own {@code rtl-support} module does the same; it is not in the Maven mirror,
 * and it is twenty lines of ICU calls. Without these the PDF shows Arabic letters isolated and left to right.
 */
final class IcuBidi {
  private IcuBidi() {
  }

  static final BidiSplitterFactory SPLITTERS = Splitter::new;

  /** Splits a paragraph into visual runs of one direction. One per paragraph: ICU's Bidi is not thread-safe. */
  private static final class Splitter implements BidiSplitter {
    private final Bidi bidi = new Bidi();

    @Override
    public void setParagraph(String paragraph, byte direction) {
      byte level = direction == LTR ? Bidi.LTR : direction == RTL ? Bidi.RTL : Bidi.LEVEL_DEFAULT_LTR;
      bidi.setPara(paragraph, level, null);
    }

    @Override
    public int countTextRuns() {
      return bidi.countRuns();
    }

    @Override
    public BidiTextRun getVisualRun(int index) {
      BidiRun run = bidi.getVisualRun(index);
      return new BidiTextRun(run.getStart(), run.getLength(), run.isOddRun() ? RTL : LTR);
    }

    @Override
    public byte getBaseDirection(String paragraph) {
      byte direction = Bidi.getBaseDirection(paragraph);
      return direction == Bidi.RTL ? RTL : direction == Bidi.LTR ? LTR : NEUTRAL;
    }
  }

  /** Joins Arabic letters into their contextual forms (presentation forms the font holds) and reverses runs. */
  static final class Reorderer implements BidiReorderer {
    private final ArabicShaping shaper = new ArabicShaping(ArabicShaping.TEXT_DIRECTION_LOGICAL
        | ArabicShaping.LETTERS_SHAPE | ArabicShaping.LENGTH_GROW_SHRINK);
    private final ArabicShaping deshaper = new ArabicShaping(ArabicShaping.TEXT_DIRECTION_LOGICAL
        | ArabicShaping.LETTERS_UNSHAPE | ArabicShaping.LENGTH_GROW_SHRINK);

    @Override
    public String reorderRTLTextToLTR(String text) {
      return Bidi.writeReverse(text, Bidi.DO_MIRRORING);
    }

    @Override
    public String shapeText(String text) {
      try {
        return shaper.shape(text);
      } catch (ArabicShapingException e) {
        return text;
      }
    }

    @Override
    public String deshapeText(String text) {
      try {
        return deshaper.shape(text);
      } catch (ArabicShapingException e) {
        return text;
      }
    }

    @Override
    public boolean isLiveImplementation() {
      return true;
    }
  }
}
