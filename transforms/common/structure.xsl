<?xml version="1.0" encoding="UTF-8"?>
<!--
  How TEI's structure maps onto any output: what is a block, what a heading
  level is, how notes are numbered, which ids sections get.

  The rule that makes every format work on any TEI (not just ours): each
  format has two modes, "block" (the element is laid out as a block of its
  own) and "inline" (it is part of a line of text). A container decides the
  mode of its children with the test below; an unknown element falls back to
  its content, never to nothing.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- Show page and site furniture (fw) and page breaks (pb): 1 or 0.
       The text format overrides the default to 0. -->
  <xsl:param name="furniture" select="'1'"/>
  <xsl:variable name="show-furniture" select="$furniture != '0' and $furniture != 'no' and $furniture != 'false'"/>

  <!-- Elements that are a block even in the middle of a line of text (a list
       or verse inside a paragraph): they start a line of their own. -->
  <xsl:variable name="structural-names"
      select="' ab castList div div1 div2 div3 div4 div5 div6 div7 figure floatingText l lg list listBibl listPerson listPlace listOrg p sp table titlePage '"/>

  <!-- Footnotes in document order: notes in the flow of text. A note whose
       parent holds blocks (a division, a body, verse, a speech) is a block
       note standing between paragraphs, as ELTeC novels have them in back;
       one in an opener or closer is a line of it ([Telegram], a file number,
       a received line of a letter).
       (An XPath scan, not a key: the first key() call makes libxslt index
       every key, which a long novel without notes need not pay for.) -->
  <xsl:variable name="footnotes"
      select="$texts//tei:note[not(parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3
              or parent::tei:div4 or parent::tei:div5 or parent::tei:div6 or parent::tei:div7 or parent::tei:body
              or parent::tei:front or parent::tei:back or parent::tei:text or parent::tei:group
              or parent::tei:floatingText or parent::tei:lg or parent::tei:sp or parent::tei:listBibl
              or parent::tei:opener or parent::tei:closer)]"/>

  <!-- Elements by xml:id (internal links). -->
  <xsl:key name="xml-id" match="*[@xml:id]" use="@xml:id"/>

  <!-- Does this element have children that must be laid out as blocks (and no
       loose text of its own)? Then its children go through the block mode. -->
  <xsl:template name="has-blocks">
    <xsl:if test="not(text()[normalize-space()]) and *[contains($structural-names, concat(' ', local-name(), ' '))]">1</xsl:if>
  </xsl:template>

  <!-- Is this element one of the structural ones (see $structural-names)? -->
  <xsl:template name="is-structural">
    <xsl:if test="contains($structural-names, concat(' ', local-name(), ' '))">1</xsl:if>
  </xsl:template>

  <xsl:template name="is-footnote">
    <xsl:if test="self::tei:note and not(parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3
                  or parent::tei:div4 or parent::tei:div5 or parent::tei:div6 or parent::tei:div7 or parent::tei:body
                  or parent::tei:front or parent::tei:back or parent::tei:text or parent::tei:group
                  or parent::tei:floatingText or parent::tei:lg or parent::tei:sp or parent::tei:listBibl
                  or parent::tei:opener or parent::tei:closer)">1</xsl:if>
  </xsl:template>

  <!-- The number of a footnote in document order (1, 2, …). -->
  <xsl:template name="footnote-number">
    <xsl:variable name="me" select="generate-id()"/>
    <xsl:for-each select="$footnotes">
      <xsl:if test="generate-id() = $me">
        <xsl:value-of select="position()"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- What the reader sees as the note's mark: its @n ("A") when the source
       had one, else its number among the notes that have none (1, 2, …). -->
  <xsl:template name="footnote-mark">
    <xsl:choose>
      <xsl:when test="normalize-space(@n) != ''">
        <xsl:value-of select="normalize-space(@n)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="me" select="generate-id()"/>
        <xsl:for-each select="$footnotes[normalize-space(@n) = '']">
          <xsl:if test="generate-id() = $me">
            <xsl:value-of select="position()"/>
          </xsl:if>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Is this note a gap only: "the source marks a note whose text it lacks"? -->
  <xsl:template name="is-missing-note">
    <xsl:if test="not(text()[normalize-space()]) and count(*) = 1 and tei:gap">1</xsl:if>
  </xsl:template>

  <!-- Heading level of a head: 2 for a top-level division (1 is the
       document's title), one more for each enclosing division with a head,
       at most 6. Divisions without a head do not count, so levels never skip. -->
  <xsl:template name="heading-level">
    <xsl:variable name="depth"
        select="count(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
                or self::tei:div5 or self::tei:div6 or self::tei:div7][tei:head])"/>
    <xsl:variable name="level" select="$depth + 1 + number($depth = 0)"/>
    <xsl:choose>
      <xsl:when test="$level &gt; 6">6</xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$level"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Is this head the heading of a division (not of a list, a verse group,
       a table, a figure)? -->
  <xsl:template name="is-division-head">
    <xsl:if test="parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3 or parent::tei:div4
                  or parent::tei:div5 or parent::tei:div6 or parent::tei:div7 or parent::tei:body
                  or parent::tei:front or parent::tei:back">1</xsl:if>
  </xsl:template>

  <!-- The anchor id of a division: its xml:id, else its place in the tree. -->
  <xsl:template name="section-id">
    <xsl:choose>
      <xsl:when test="@xml:id">
        <xsl:value-of select="@xml:id"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>sec.</xsl:text>
        <xsl:number level="multiple"
            count="tei:text | tei:front | tei:body | tei:back | tei:group | tei:floatingText | tei:div | tei:div1
                   | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7"
            format="1.1"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Headed divisions, in document order: the table of contents and the
       PDF bookmarks. -->
  <xsl:variable name="headed-divisions"
      select="$texts//*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
              or self::tei:div5 or self::tei:div6 or self::tei:div7][tei:head]"/>

  <!-- The words of a head without its notes: for contents, bookmarks, titles. -->
  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>
  <xsl:template match="tei:note | tei:fw | tei:pb | tei:corr[parent::tei:choice] | tei:expan[parent::tei:choice]
                       | tei:reg[parent::tei:choice]" mode="plain"/>
  <xsl:template match="tei:lb" mode="plain">
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- The children of a word-level sentence (tei:s): white space between a
       word and closing punctuation (or after opening punctuation, or at a
       w/pc with @join) is dropped; everything else renders inline. -->
  <xsl:template match="text()" mode="words">
    <!-- Between two elements (text nodes never touch), so the neighbours are
         elements: one sibling step each way; at the end of a name (rs) the
         next one is the name's neighbour; between sentences, the words at
         their edges. A right quote after punctuation ("book,’") closes. -->
    <xsl:variable name="after"
        select="following-sibling::*[1] | ../following-sibling::*[1][not(current()/following-sibling::node())]"/>
    <xsl:variable name="before"
        select="preceding-sibling::*[1] | ../preceding-sibling::*[1][not(current()/preceding-sibling::node())]"/>
    <!-- Between two sentences, the first word of the next and the last of the previous. -->
    <xsl:variable name="next"
        select="$after[self::tei:w or self::tei:pc] | $after[self::tei:s]/descendant::*[self::tei:w or self::tei:pc][1]"/>
    <xsl:variable name="previous"
        select="$before[self::tei:w or self::tei:pc] | $before[self::tei:s]/descendant::*[self::tei:w or self::tei:pc][last()]"/>
    <xsl:choose>
      <xsl:when test="normalize-space()">
        <xsl:apply-templates select="." mode="inline"/>
      </xsl:when>
      <xsl:when test="$next/@join = 'left' or $next/@join = 'both'
                      or ($next/self::tei:pc and string-length($next) = 1
                          and (contains(',.;:!?)]}”»…', $next) or (contains('’', $next) and $previous/self::tei:pc)))
                      or $previous/@join = 'right' or $previous/@join = 'both'
                      or ($previous/self::tei:pc and string-length($previous) = 1 and contains('([{“«‘', $previous))"/>
      <xsl:otherwise>
        <xsl:text> </xsl:text>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The inline content of a paragraph-like element; sentences of
       word-level TEI (s) go through the "words" mode, so that the space
       between two sentences can be dropped before a closing quote. -->
  <xsl:template name="line-content">
    <xsl:choose>
      <xsl:when test="tei:s">
        <xsl:apply-templates mode="words"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Word-level elements with no white space between them (<w>And</w><w>he</w>
       in ELTeC's verse lines, or <w>the</w><rs><w>Nile</w></rs>): a space,
       unless the two are joined. The previous word is found through the
       nearest text before, wherever it is nested. Called by each format's
       w/pc template. -->
  <xsl:template name="word-space">
    <xsl:variable name="before" select="preceding::text()[1]"/>
    <xsl:variable name="previous" select="$before[normalize-space()]/parent::*[self::tei:w or self::tei:pc]"/>
    <xsl:if test="$previous and not(@join = 'left' or @join = 'both' or $previous/@join = 'right' or $previous/@join = 'both'
                  or (self::tei:pc and string-length(.) = 1
                      and (contains(',.;:!?)]}”»…', .) or (contains('’', .) and $previous/self::tei:pc)))
                  or ($previous/self::tei:pc and string-length($previous) = 1 and contains('([{“«‘', $previous)))">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="*" mode="words">
    <xsl:apply-templates select="." mode="inline"/>
  </xsl:template>

  <!-- A link target an output may follow: web and mail addresses, local
       fragments and relative paths; never javascript: or data: URLs. -->
  <xsl:template name="safe-target">
    <xsl:param name="target"/>
    <xsl:variable name="first" select="substring-before(concat(normalize-space($target), ' '), ' ')"/>
    <xsl:variable name="lower" select="translate($first, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:if test="starts-with($lower, 'https://') or starts-with($lower, 'http://') or starts-with($lower, 'mailto:')
                  or starts-with($lower, 'ftp://') or starts-with($first, '#')
                  or ($first != '' and not(contains(substring-before(concat($first, '/'), '/'), ':')))">
      <xsl:value-of select="$first"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
