<?xml version="1.0" encoding="UTF-8"?>
<!--
  How TEI's structure maps onto any output: what is a block, what a heading
  level is, which notes are footnotes and how they are numbered, which ids
  the output uses, how lists are numbered, how wide a table is.

  The rule that makes every format work on any TEI (not just ours): the
  traversal (traversal.xsl) has two modes, "block" (the element is laid out
  as a block of its own) and "inline" (it is part of a line of text). A
  container decides the mode of its children with `has-blocks`; an unknown
  element falls back to its content, never to nothing.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    exclude-result-prefixes="tei eg">

  <!-- Show page and site furniture (fw) and page breaks (pb): 1 or 0.
       The text format overrides the default to 0. -->
  <xsl:param name="furniture" select="'1'"/>
  <xsl:variable name="show-furniture" select="$furniture != '0' and $furniture != 'no' and $furniture != 'false'"/>

  <!-- Elements that are a block even in the middle of a line of text (a list
       or verse inside a paragraph): they start a line of their own. -->
  <xsl:variable name="structural-names"
      select="' ab castList div div1 div2 div3 div4 div5 div6 div7 egXML eg figure floatingText l lg list listBibl listPerson listPlace listOrg p sp table titlePage '"/>

  <!-- Footnotes in document order: notes in the flow of text. A note whose
       parent holds blocks (a division, a body, verse, a speech) is a block
       note standing between paragraphs, as ELTeC novels have them in back;
       one in an opener or closer is a line of it ([Telegram], a file number,
       a received line of a letter); a note with place="inline" or "display",
       a note in a note or in the apparatus stays where it is, in parentheses.
       (An XPath scan, not a key: the first key() call makes libxslt index
       every key, which a long novel without notes need not pay for.) -->
  <xsl:variable name="footnotes"
      select="$special[self::tei:note][not(parent::tei:div or parent::tei:div1 or parent::tei:div2 or parent::tei:div3
              or parent::tei:div4 or parent::tei:div5 or parent::tei:div6 or parent::tei:div7 or parent::tei:body
              or parent::tei:front or parent::tei:back or parent::tei:text or parent::tei:group
              or parent::tei:floatingText or parent::tei:lg or parent::tei:sp or parent::tei:listBibl
              or parent::tei:opener or parent::tei:closer
              or @place = 'inline' or @place = 'display' or @place = 'block' or parent::tei:app
              or ancestor::tei:rdg or ancestor::tei:note)]"/>

  <!-- Apparatus entries in document order (app outside another app). -->
  <xsl:variable name="app-entries" select="$special[self::tei:app][not(ancestor::tei:app)]"/>

  <!-- Elements by xml:id (internal links), outside TEI examples (egXML). -->
  <xsl:key name="xml-id" match="*[@xml:id][not(ancestor-or-self::eg:*)]" use="@xml:id"/>

  <!-- Pointers (ref/ptr) to an element of the text by its id: the link back
       from a note at the end of a novel to where it is called. -->
  <xsl:key name="pointers-to" match="tei:ref[starts-with(normalize-space(@target), '#')] | tei:ptr[starts-with(normalize-space(@target), '#')]"
      use="substring-after(substring-before(concat(normalize-space(@target), ' '), ' '), '#')"/>

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
                  or parent::tei:opener or parent::tei:closer
                  or @place = 'inline' or @place = 'display' or @place = 'block' or parent::tei:app
                  or ancestor::tei:rdg or ancestor::tei:note)">1</xsl:if>
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

  <!-- The number of an apparatus entry (1, 2, …) and its mark (a, b, … z, aa…):
       letters, the critical editions' habit, so that textual variants and
       explanatory notes never share a mark. -->
  <xsl:template name="app-number">
    <xsl:variable name="me" select="generate-id()"/>
    <xsl:for-each select="$app-entries">
      <xsl:if test="generate-id() = $me">
        <xsl:value-of select="position()"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="app-mark">
    <xsl:param name="number">
      <xsl:call-template name="app-number"/>
    </xsl:param>
    <xsl:number value="$number" format="a"/>
  </xsl:template>

  <!-- The mark of a note standing between paragraphs (the notes at the back
       of a novel): its @n, else its place among the notes beside it. -->
  <xsl:template name="block-note-mark">
    <xsl:choose>
      <xsl:when test="normalize-space(@n) != ''">
        <xsl:value-of select="normalize-space(@n)"/>
      </xsl:when>
      <xsl:when test="../tei:note[2]">
        <xsl:value-of select="count(preceding-sibling::tei:note) + 1"/>
      </xsl:when>
      <xsl:when test="key('pointers-to', @xml:id)">1</xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- What a note holds: "missing" (only a gap: the source marks a note
       whose text it lacks), "blocks" (paragraphs, lists…) or "inline". -->
  <xsl:template name="note-content-kind">
    <xsl:variable name="blocks">
      <xsl:call-template name="has-blocks"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="not(text()[normalize-space()]) and count(*) = 1 and tei:gap">missing</xsl:when>
      <xsl:when test="$blocks = '1'">blocks</xsl:when>
      <xsl:otherwise>inline</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Heading level of a head: 2 for a top-level division (1 is the
       document's title), one more for each enclosing division with a head,
       one more inside a corpus (each document's title is level 2), at most 6.
       Divisions without a head do not count, so levels never skip. -->
  <xsl:template name="heading-level">
    <xsl:variable name="depth"
        select="count(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
                or self::tei:div5 or self::tei:div6 or self::tei:div7][tei:head])"/>
    <xsl:variable name="level" select="$depth + 1 + number($depth = 0) + number($is-corpus)"/>
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

  <!-- xml:id values that more than one element uses, " a b " (tei convert
       finds them; TEI written elsewhere may repeat an id). Empty: none, and
       no element pays for a lookup. -->
  <xsl:param name="duplicate-ids" select="''"/>

  <!-- Is the context element's xml:id its own in the output (the first
       element with it)? -->
  <xsl:template name="owns-id">
    <xsl:if test="@xml:id and ($duplicate-ids = '' or not(contains($duplicate-ids, concat(' ', @xml:id, ' ')))
                  or generate-id(key('xml-id', @xml:id)[1]) = generate-id())">1</xsl:if>
  </xsl:template>

  <!-- The id the output gives an element: its xml:id when it is the first
       element with that id, else a stable id made from its place in the
       tree, with $prefix. -->
  <xsl:template name="out-id">
    <xsl:param name="prefix" select="'e.'"/>
    <xsl:variable name="own">
      <xsl:call-template name="owns-id"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$own = '1'">
        <xsl:value-of select="@xml:id"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="$prefix"/>
        <xsl:call-template name="tree-place"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The place of the context element in the tree: "1.3.2.7", the
       position of it and each ancestor among their element siblings.
       (Counting siblings is a loop in C; xsl:number does the same work
       several times slower.) -->
  <xsl:template name="tree-place">
    <xsl:for-each select="ancestor-or-self::*">
      <xsl:if test="position() &gt; 1">.</xsl:if>
      <xsl:value-of select="count(preceding-sibling::*) + 1"/>
    </xsl:for-each>
  </xsl:template>

  <!-- The id of a paragraph or heading: its xml:id, else $prefix and its
       place ($path from the traversal, and its position among its
       siblings): "p.1.3.2.5". -->
  <xsl:template name="block-id">
    <xsl:param name="prefix" select="'p'"/>
    <xsl:param name="path"/>
    <xsl:variable name="own">
      <xsl:if test="@xml:id">
        <xsl:call-template name="owns-id"/>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$own = '1'">
        <xsl:value-of select="@xml:id"/>
      </xsl:when>
      <xsl:when test="$path != ''">
        <xsl:value-of select="concat($prefix, $path, '.', position())"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="out-id">
          <xsl:with-param name="prefix" select="concat($prefix, '.n')"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The output id of an element that has an xml:id, '' otherwise: every
       target of a link keeps an anchor, and ids stay unique (a repeated
       xml:id anchors its first element only). The traversal writes this as
       the XPath expression itself where it is hot, since a template call
       in a parameter costs a result tree fragment:
       string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' ')))
                      or generate-id(key('xml-id', .)[1]) = generate-id(..)]) -->
  <xsl:template name="id-if-any">
    <xsl:value-of select="@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)]"/>
  </xsl:template>

  <!-- The children of a block, laid out as blocks: what a writer's container
       primitive calls, passing on $path and $inline. Mixed content (an item
       with words and a nested list) is laid out as paragraphs of its runs of
       words between its blocks, so that a nested list nests in every format. -->
  <xsl:template name="block-children">
    <xsl:param name="nodes" select="node()"/>
    <xsl:param name="inline"/>
    <xsl:param name="path"/>
    <xsl:choose>
      <xsl:when test="$nodes[self::text()][normalize-space()]">
        <xsl:for-each select="$nodes">
          <xsl:choose>
            <xsl:when test="self::*[contains($structural-names, concat(' ', local-name(), ' '))]">
              <xsl:apply-templates select="." mode="block">
                <xsl:with-param name="inline" select="$inline"/>
                <xsl:with-param name="path" select="concat($path, '.', position())"/>
              </xsl:apply-templates>
            </xsl:when>
            <xsl:when test="not(preceding-sibling::node()[1]) or preceding-sibling::node()[1][self::*][contains($structural-names, concat(' ', local-name(), ' '))]">
              <!-- The first node of a run of words: the run as a paragraph. -->
              <xsl:variable name="blocks-before" select="count(preceding-sibling::*[contains($structural-names, concat(' ', local-name(), ' '))])"/>
              <xsl:variable name="run"
                  select=". | following-sibling::node()[not(self::*[contains($structural-names, concat(' ', local-name(), ' '))])]
                          [count(preceding-sibling::*[contains($structural-names, concat(' ', local-name(), ' '))]) = $blocks-before]"/>
              <xsl:if test="normalize-space(concat(string($run[1]), string($run[2]), string($run[last()]))) != '' or $run[self::*]">
                <xsl:for-each select="..">
                  <xsl:call-template name="w-para">
                    <xsl:with-param name="role" select="'run'"/>
                    <xsl:with-param name="align" select="'start'"/>
                    <xsl:with-param name="nodes" select="$run"/>
                    <xsl:with-param name="inline" select="$inline"/>
                  </xsl:call-template>
                </xsl:for-each>
              </xsl:if>
            </xsl:when>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$nodes" mode="block">
          <xsl:with-param name="inline" select="$inline"/>
          <xsl:with-param name="path" select="$path"/>
        </xsl:apply-templates>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The anchor id of a division: its xml:id, else its place in the tree. -->
  <xsl:template name="section-id">
    <xsl:variable name="own">
      <xsl:if test="@xml:id">
        <xsl:call-template name="owns-id"/>
      </xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$own = '1'">
        <xsl:value-of select="@xml:id"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>sec</xsl:text>
        <xsl:for-each select="ancestor-or-self::*[self::tei:TEI or self::tei:text or self::tei:front or self::tei:body
                              or self::tei:back or self::tei:group or self::tei:floatingText or self::tei:div
                              or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4 or self::tei:div5
                              or self::tei:div6 or self::tei:div7]">
          <xsl:value-of select="concat('.', count(preceding-sibling::*) + 1)"/>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The output id an internal pointer ("#x") leads to, '' when x is not an
       element of the text (or of the register, when $to-entities). -->
  <xsl:template name="internal-target">
    <xsl:param name="target"/>
    <xsl:variable name="id" select="substring-after(substring-before(concat(normalize-space($target), ' '), ' '), '#')"/>
    <xsl:if test="starts-with(normalize-space($target), '#') and $id != ''">
      <xsl:for-each select="key('xml-id', $id)[1]">
        <xsl:choose>
          <xsl:when test="self::tei:person or self::tei:personGrp or self::tei:place or self::tei:org">
            <xsl:if test="$has-index">
              <xsl:value-of select="$id"/>
            </xsl:if>
          </xsl:when>
          <xsl:when test="ancestor::tei:text">
            <xsl:choose>
              <xsl:when test="self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
                              or self::tei:div5 or self::tei:div6 or self::tei:div7">
                <xsl:call-template name="section-id"/>
              </xsl:when>
              <xsl:when test="self::tei:note">
                <xsl:variable name="footnote">
                  <xsl:call-template name="is-footnote"/>
                </xsl:variable>
                <xsl:choose>
                  <xsl:when test="$footnote = '1'">
                    <xsl:text>fn.</xsl:text>
                    <xsl:call-template name="footnote-number"/>
                  </xsl:when>
                  <xsl:otherwise>
                    <xsl:value-of select="$id"/>
                  </xsl:otherwise>
                </xsl:choose>
              </xsl:when>
              <xsl:otherwise>
                <xsl:value-of select="$id"/>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:when>
        </xsl:choose>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- Headed divisions, in document order: the table of contents and the
       PDF bookmarks. -->
  <xsl:variable name="headed-divisions"
      select="$special[self::tei:head][not(preceding-sibling::tei:head)]/parent::*[self::tei:div or self::tei:div1
              or self::tei:div2 or self::tei:div3 or self::tei:div4 or self::tei:div5 or self::tei:div6 or self::tei:div7]"/>

  <!-- The top-level entries of a table of contents (divisions not inside another headed one). -->
  <xsl:variable name="toc-top"
      select="$headed-divisions[not(ancestor::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3
              or self::tei:div4 or self::tei:div5 or self::tei:div6 or self::tei:div7][tei:head])]"/>

  <!-- The words of a division's heading without its notes, apparatus or
       furniture: for contents, bookmarks, running heads, titles. -->
  <xsl:template name="heading-text">
    <xsl:variable name="plain">
      <xsl:apply-templates select="tei:head[1]" mode="plain"/>
    </xsl:variable>
    <xsl:value-of select="normalize-space($plain)"/>
  </xsl:template>

  <!-- Plain mode: the reading text as a string (policy.xsl decides which
       side of a choice, which reading of an apparatus; notes are left out). -->
  <xsl:template match="*" mode="plain">
    <xsl:apply-templates mode="plain"/>
  </xsl:template>
  <xsl:template match="text()" mode="plain">
    <xsl:value-of select="."/>
  </xsl:template>
  <xsl:template match="tei:note | tei:fw | tei:pb | tei:idno | tei:index | tei:interp | tei:interpGrp | tei:span
                       | tei:spanGrp | tei:link | tei:linkGrp | tei:binaryObject | tei:figDesc | tei:witDetail
                       | tei:certainty | tei:precision | tei:respons | comment() | processing-instruction()"
      mode="plain"/>
  <xsl:template match="tei:lb | tei:cb" mode="plain">
    <xsl:if test="not(@break = 'no')">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:forename | tei:surname | tei:roleName | tei:addName | tei:genName | tei:nameLink" mode="plain">
    <xsl:if test="preceding-sibling::node()[1][self::*]">
      <xsl:text> </xsl:text>
    </xsl:if>
    <xsl:apply-templates mode="plain"/>
  </xsl:template>
  <xsl:template match="tei:w | tei:pc" mode="plain">
    <xsl:call-template name="word-space"/>
    <xsl:value-of select="."/>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Lists                                                               -->
  <!-- ================================================================== -->

  <!-- ordered | bulleted | labelled | gloss | simple: how a list shows its
       items. Labels the source gives (label/item pairs) are kept as printed;
       a label that is not a number or a bullet makes a gloss list (term and
       description); unlabelled lists are numbered when the TEI says they are
       ordered, plain when it says simple or inline, bulleted otherwise. -->
  <xsl:template name="list-kind">
    <xsl:variable name="type" select="concat(' ', translate(@type, $upper, $lower), ' ')"/>
    <xsl:variable name="rend" select="concat(' ', translate(normalize-space(@rend), $upper, $lower), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($type, ' gloss ') and (tei:label or tei:headLabel)">gloss</xsl:when>
      <xsl:when test="tei:label and (contains($type, ' ordered ') or contains($type, ' bulleted ')
                      or tei:label[string-length(normalize-space()) &lt; 6][translate(normalize-space(), '0123456789.)([]ivxlcdmIVXLCDMabcdefghABCDEFGH•*·–—-', '') = ''])">labelled</xsl:when>
      <xsl:when test="tei:label">gloss</xsl:when>
      <xsl:when test="contains($type, ' ordered ') or contains($type, ' numbered ') or contains($type, ' decimal ')
                      or contains($rend, 'numbered') or contains($rend, 'ordered') or contains($rend, 'decimal')
                      or contains($rend, 'arabic') or contains($rend, 'roman') or contains($rend, 'alpha')">ordered</xsl:when>
      <xsl:when test="contains($type, ' simple ') or contains($type, ' inline ') or contains($type, ' runon ')
                      or contains($type, ' run-on ') or contains($rend, ' simple ') or contains($rend, ' inline ')
                      or contains($rend, ' runon ') or contains($rend, 'none') or contains($rend, 'nobullet')
                      or contains($rend, ' plain ') or contains($type, ' gloss ')">simple</xsl:when>
      <xsl:otherwise>bulleted</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label the edition writes before an item of an ordered or bulleted
       list: "1." "a." "i." by depth (or the item's @n), "•" "–" "‣" by depth. -->
  <xsl:template name="item-label">
    <xsl:param name="kind"/>
    <xsl:param name="position"/>
    <xsl:variable name="depth" select="count(ancestor::tei:list)"/>
    <xsl:choose>
      <xsl:when test="$kind = 'ordered' and normalize-space(@n) != ''">
        <xsl:value-of select="normalize-space(@n)"/>
        <xsl:if test="translate(substring(normalize-space(@n), string-length(normalize-space(@n))), '.)]', '') != ''">.</xsl:if>
      </xsl:when>
      <xsl:when test="$kind = 'ordered'">
        <xsl:choose>
          <xsl:when test="$depth mod 3 = 2">
            <xsl:number value="$position" format="a"/>
          </xsl:when>
          <xsl:when test="$depth mod 3 = 0">
            <xsl:number value="$position" format="i"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="$position"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:text>.</xsl:text>
      </xsl:when>
      <xsl:when test="$kind = 'bulleted'">
        <xsl:value-of select="substring('•–‣', ($depth - 1) mod 3 + 1, 1)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Tables                                                              -->
  <!-- ================================================================== -->

  <!-- The number of columns of a table: its widest row, spans counted. -->
  <xsl:template name="table-columns">
    <xsl:variable name="widest">
      <xsl:for-each select="tei:row">
        <xsl:sort select="count(tei:cell[not(number(@cols) &gt; 1)]) + sum(tei:cell[number(@cols) &gt; 1]/@cols)"
                  data-type="number" order="descending"/>
        <xsl:if test="position() = 1">
          <xsl:value-of select="count(tei:cell[not(number(@cols) &gt; 1)]) + sum(tei:cell[number(@cols) &gt; 1]/@cols)"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="number($widest) &gt;= 1 and number($widest) &lt;= 60">
        <xsl:value-of select="$widest"/>
      </xsl:when>
      <xsl:otherwise>1</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Word-level TEI                                                      -->
  <!-- ================================================================== -->

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

  <xsl:template match="*" mode="words">
    <xsl:apply-templates select="." mode="inline"/>
  </xsl:template>

  <!-- The inline content of a paragraph-like element; sentences of
       word-level TEI (s) go through the "words" mode, so that the space
       between two sentences can be dropped before a closing quote. -->
  <xsl:template name="line-content">
    <xsl:param name="nodes" select="node()"/>
    <xsl:choose>
      <xsl:when test="$has-words and $nodes[self::tei:s]">
        <xsl:apply-templates select="$nodes" mode="words"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="$nodes" mode="inline"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Word-level elements with no white space between them (<w>And</w><w>he</w>
       in ELTeC's verse lines, or <w>the</w><rs><w>Nile</w></rs>): a space,
       unless the two are joined. The previous word is found through the
       nearest text before, wherever it is nested. -->
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

  <!-- Is the context inside something a format writes as a link (a ref, a
       ptr, a name with @ref)? Links do not nest. -->
  <xsl:template name="in-link">
    <xsl:if test="ancestor::tei:ref[@target] or ancestor::tei:ptr
                  or ancestor::*[@ref][self::tei:persName or self::tei:placeName or self::tei:orgName
                                       or self::tei:name or self::tei:rs]">1</xsl:if>
  </xsl:template>

  <!-- A link target an output may follow: web and mail addresses, local
       fragments and relative paths; never javascript: or data: URLs. -->
  <xsl:template name="safe-target">
    <xsl:param name="target"/>
    <xsl:variable name="first" select="substring-before(concat(normalize-space($target), ' '), ' ')"/>
    <xsl:variable name="lower-first" select="translate($first, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"/>
    <xsl:if test="starts-with($lower-first, 'https://') or starts-with($lower-first, 'http://') or starts-with($lower-first, 'mailto:')
                  or starts-with($lower-first, 'ftp://') or starts-with($first, '#')
                  or ($first != '' and not(contains(substring-before(concat($first, '/'), '/'), ':')))">
      <xsl:value-of select="$first"/>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
