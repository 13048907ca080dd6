<?xml version="1.0" encoding="UTF-8"?>
<!--
  The editorial policy: which words are the reading text.

  edition=reading (the default) shows the editor's side: corr, expan, reg,
  add, the lemma of an apparatus; del is left out of the text where the
  format cannot strike it through (plain text) and struck through where it
  can (HTML, PDF). edition=diplomatic shows the source's side: sic, abbr,
  orig, with deletions struck through (plain text: [[…]]) and additions
  between ⸌ and ⸍; the line breaks of the source (lb) are kept.

  Both: supplied text in [brackets], a gap as […], superfluous text
  (surplus) in {braces}, the readings of an apparatus in its notes with the
  witnesses' sigla. The other side of a choice stays available as a tooltip
  (HTML). transforms/README.md lists the policy for readers.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- reading (the editor's text) or diplomatic (the source's). -->
  <xsl:param name="edition" select="'reading'"/>
  <xsl:variable name="diplomatic" select="$edition = 'diplomatic' or $edition = 'diplomatic-edition'"/>

  <!-- ================================================================== -->
  <!-- choice                                                              -->
  <!-- ================================================================== -->

  <!-- The child of a choice the policy shows. -->
  <xsl:template name="choice-shown">
    <xsl:variable name="editor" select="(tei:corr | tei:reg | tei:expan)[1]"/>
    <xsl:variable name="source" select="(tei:sic | tei:orig | tei:abbr)[1]"/>
    <xsl:choose>
      <xsl:when test="$diplomatic and $source">
        <xsl:value-of select="generate-id($source)"/>
      </xsl:when>
      <xsl:when test="$editor">
        <xsl:value-of select="generate-id($editor)"/>
      </xsl:when>
      <xsl:when test="$source">
        <xsl:value-of select="generate-id($source)"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="generate-id(*[1])"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:choice" mode="inline">
    <xsl:variable name="shown-id">
      <xsl:call-template name="choice-shown"/>
    </xsl:variable>
    <xsl:variable name="shown" select="*[generate-id() = $shown-id]"/>
    <xsl:variable name="other" select="(tei:corr | tei:reg | tei:expan | tei:sic | tei:orig | tei:abbr)[generate-id() != $shown-id][1]"/>
    <xsl:variable name="title">
      <xsl:if test="$other">
        <xsl:choose>
          <xsl:when test="$other/self::tei:sic">As printed: </xsl:when>
          <xsl:when test="$other/self::tei:corr">Corrected: </xsl:when>
          <xsl:when test="$other/self::tei:abbr">Abbreviated: </xsl:when>
          <xsl:when test="$other/self::tei:expan">Expanded: </xsl:when>
          <xsl:when test="$other/self::tei:orig">Original spelling: </xsl:when>
          <xsl:when test="$other/self::tei:reg">Regularised: </xsl:when>
        </xsl:choose>
        <xsl:variable name="words">
          <xsl:apply-templates select="$other" mode="plain"/>
        </xsl:variable>
        <xsl:value-of select="normalize-space($words)"/>
      </xsl:if>
    </xsl:variable>
    <xsl:call-template name="w-styled">
      <xsl:with-param name="class" select="concat('choice ', local-name($shown))"/>
      <xsl:with-param name="title" select="$title"/>
      <xsl:with-param name="nodes" select="$shown/node()"/>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:choice" mode="plain">
    <xsl:variable name="shown-id">
      <xsl:call-template name="choice-shown"/>
    </xsl:variable>
    <xsl:apply-templates select="*[generate-id() = $shown-id]" mode="plain"/>
  </xsl:template>

  <!-- Parts of an abbreviation: the mark (am) belongs to the source, the
       expansion (ex) to the editor. -->
  <xsl:template match="tei:am" mode="inline">
    <xsl:if test="$diplomatic">
      <xsl:apply-templates mode="inline"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:ex" mode="inline">
    <xsl:if test="not($diplomatic)">
      <xsl:apply-templates mode="inline"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:am" mode="plain">
    <xsl:if test="$diplomatic">
      <xsl:apply-templates mode="plain"/>
    </xsl:if>
  </xsl:template>
  <xsl:template match="tei:ex" mode="plain">
    <xsl:if test="not($diplomatic)">
      <xsl:apply-templates mode="plain"/>
    </xsl:if>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Deletions, additions                                                -->
  <!-- ================================================================== -->

  <xsl:template match="tei:del" mode="inline">
    <xsl:choose>
      <xsl:when test="$w-strike">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="tokens" select="' strike '"/>
          <xsl:with-param name="class" select="'del'"/>
          <xsl:with-param name="title" select="'Deleted in the source'"/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:when test="$diplomatic">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="class" select="'del'"/>
          <xsl:with-param name="before" select="'[['"/>
          <xsl:with-param name="after" select="']]'"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:del" mode="plain">
    <xsl:if test="$diplomatic">
      <xsl:apply-templates mode="plain"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:add" mode="inline">
    <xsl:call-template name="w-styled">
      <xsl:with-param name="class" select="'add'"/>
      <xsl:with-param name="title">
        <xsl:if test="$diplomatic">Added in the source</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="before">
        <xsl:if test="$diplomatic">⸌</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="after">
        <xsl:if test="$diplomatic">⸍</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An element-only substitution (del + add) with no space between: the
       deleted and the added words must not run together. -->
  <xsl:template match="tei:subst/tei:add[preceding-sibling::*[1][self::tei:del]]" mode="inline" priority="1">
    <xsl:if test="$w-strike or $diplomatic">
      <xsl:if test="not(preceding-sibling::node()[1][self::text()])">
        <xsl:call-template name="w-string">
          <xsl:with-param name="text" select="' '"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
    <xsl:call-template name="w-styled">
      <xsl:with-param name="class" select="'add'"/>
      <xsl:with-param name="before">
        <xsl:if test="$diplomatic">⸌</xsl:if>
      </xsl:with-param>
      <xsl:with-param name="after">
        <xsl:if test="$diplomatic">⸍</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- The editor's interventions                                          -->
  <!-- ================================================================== -->

  <xsl:template match="tei:supplied" mode="inline">
    <xsl:call-template name="w-styled">
      <xsl:with-param name="class" select="'supplied'"/>
      <xsl:with-param name="title" select="'Supplied by the editor'"/>
      <xsl:with-param name="before" select="'['"/>
      <xsl:with-param name="after" select="']'"/>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:surplus" mode="inline">
    <xsl:call-template name="w-styled">
      <xsl:with-param name="class" select="'surplus'"/>
      <xsl:with-param name="title" select="'Superfluous in the source'"/>
      <xsl:with-param name="before" select="'{'"/>
      <xsl:with-param name="after" select="'}'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:sic | tei:corr | tei:orig | tei:reg | tei:abbr | tei:expan" mode="inline">
    <xsl:call-template name="w-styled">
      <xsl:with-param name="class" select="local-name()"/>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:unclear" mode="inline">
    <xsl:call-template name="w-styled">
      <xsl:with-param name="class" select="'unclear'"/>
      <xsl:with-param name="title" select="'Unclear in the source'"/>
      <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:gap" mode="inline">
    <xsl:choose>
      <xsl:when test="@reason = 'not-in-source' and ancestor::tei:note">
        <xsl:call-template name="w-styled">
          <xsl:with-param name="class" select="'gap-note'"/>
          <xsl:with-param name="before" select="'note text not in source'"/>
          <xsl:with-param name="nodes" select="/.."/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="w-styled">
          <xsl:with-param name="class" select="'gap'"/>
          <xsl:with-param name="title" select="normalize-space(concat(
              'Gap in the text', substring(concat(': ', @reason), 1, 1000 * number(boolean(@reason))),
              substring(concat(', ', @quantity, ' ', @unit), 1, 1000 * number(boolean(@quantity))),
              substring(concat(', ', @extent), 1, 1000 * number(boolean(@extent))), ' ', tei:desc))"/>
          <xsl:with-param name="before" select="'[…]'"/>
          <xsl:with-param name="nodes" select="/.."/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:gap" mode="plain">
    <xsl:text>[…]</xsl:text>
  </xsl:template>
  <xsl:template match="tei:supplied" mode="plain">
    <xsl:text>[</xsl:text>
    <xsl:apply-templates mode="plain"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- A line beginning of the source: a space in the reading text (none
       inside a word broken across lines), a line break in the diplomatic. -->
  <xsl:template match="tei:lb" mode="inline">
    <xsl:choose>
      <xsl:when test="$diplomatic and preceding-sibling::node()[normalize-space() or self::*]">
        <xsl:call-template name="w-linebreak"/>
      </xsl:when>
      <xsl:when test="@break = 'no'"/>
      <xsl:otherwise>
        <xsl:call-template name="w-string">
          <xsl:with-param name="text" select="' '"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:if test="@xml:id">
      <xsl:call-template name="w-anchor">
        <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:space" mode="inline">
    <xsl:call-template name="w-string">
      <xsl:with-param name="text" select="' '"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ================================================================== -->
  <!-- Critical apparatus                                                  -->
  <!-- ================================================================== -->

  <!-- The reading an apparatus shows in the text: its lemma, else its first
       reading (parallel segmentation without a lemma). -->
  <xsl:template name="app-base">
    <xsl:value-of select="generate-id((tei:lem | tei:rdgGrp/tei:lem | tei:rdg | tei:rdgGrp/tei:rdg)[1])"/>
  </xsl:template>

  <xsl:template match="tei:app" mode="inline">
    <xsl:variable name="base-id">
      <xsl:call-template name="app-base"/>
    </xsl:variable>
    <xsl:variable name="base" select="(tei:lem | tei:rdgGrp/tei:lem | tei:rdg | tei:rdgGrp/tei:rdg)[generate-id() = $base-id]"/>
    <xsl:choose>
      <xsl:when test="ancestor::tei:app">
        <!-- An apparatus inside a reading: its base text; the outer entry describes it. -->
        <xsl:apply-templates select="$base/node()" mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="number">
          <xsl:call-template name="app-number"/>
        </xsl:variable>
        <xsl:call-template name="w-app">
          <xsl:with-param name="number" select="$number"/>
          <xsl:with-param name="mark">
            <xsl:call-template name="app-mark">
              <xsl:with-param name="number" select="$number"/>
            </xsl:call-template>
          </xsl:with-param>
          <xsl:with-param name="nodes" select="$base/node()"/>
          <xsl:with-param name="id" select="string(@xml:id[not(contains($duplicate-ids, concat(' ', ., ' '))) or generate-id(key('xml-id', .)[1]) = generate-id(..)])"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:app" mode="plain">
    <xsl:variable name="base-id">
      <xsl:call-template name="app-base"/>
    </xsl:variable>
    <xsl:apply-templates select="(tei:lem | tei:rdgGrp/tei:lem | tei:rdg | tei:rdgGrp/tei:rdg)[generate-id() = $base-id]/node()" mode="plain"/>
  </xsl:template>

  <!-- The entry of an apparatus (context: app), as the reader sees it in a
       note: "lemma A] reading B C; om. D". -->
  <xsl:template name="app-entry">
    <xsl:variable name="base-id">
      <xsl:call-template name="app-base"/>
    </xsl:variable>
    <xsl:variable name="readings" select="tei:lem | tei:rdg | tei:rdgGrp/tei:lem | tei:rdgGrp/tei:rdg"/>
    <xsl:variable name="base" select="$readings[generate-id() = $base-id]"/>
    <xsl:for-each select="$base">
      <xsl:call-template name="app-reading"/>
    </xsl:for-each>
    <xsl:call-template name="w-string">
      <xsl:with-param name="text" select="']'"/>
    </xsl:call-template>
    <xsl:for-each select="$readings[generate-id() != $base-id]">
      <xsl:call-template name="w-string">
        <xsl:with-param name="text">
          <xsl:choose>
            <xsl:when test="position() = 1">
              <xsl:text> </xsl:text>
            </xsl:when>
            <xsl:otherwise>; </xsl:otherwise>
          </xsl:choose>
        </xsl:with-param>
      </xsl:call-template>
      <xsl:call-template name="app-reading"/>
    </xsl:for-each>
    <xsl:for-each select="tei:note | tei:witDetail">
      <xsl:call-template name="w-string">
        <xsl:with-param name="text" select="' — '"/>
      </xsl:call-template>
      <xsl:apply-templates mode="inline"/>
    </xsl:for-each>
  </xsl:template>

  <!-- One reading in an entry: its words (or "om." when it has none), then
       the sigla of its witnesses. -->
  <xsl:template name="app-reading">
    <xsl:choose>
      <xsl:when test="normalize-space() != '' or *">
        <xsl:apply-templates mode="inline"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="w-styled">
          <xsl:with-param name="tokens" select="' italic '"/>
          <xsl:with-param name="class" select="'omission'"/>
          <xsl:with-param name="before" select="'om.'"/>
          <xsl:with-param name="nodes" select="/.."/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:variable name="sigla">
      <xsl:call-template name="sigla">
        <xsl:with-param name="pointers" select="normalize-space(concat(@wit, ' ', ../@wit[parent::tei:rdgGrp]))"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="normalize-space($sigla) != ''">
      <xsl:call-template name="w-string">
        <xsl:with-param name="text" select="' '"/>
      </xsl:call-template>
      <xsl:call-template name="w-styled">
        <xsl:with-param name="tokens" select="' italic '"/>
        <xsl:with-param name="class" select="'siglum'"/>
        <xsl:with-param name="before" select="normalize-space($sigla)"/>
        <xsl:with-param name="nodes" select="/.."/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- The sigla of "#A #B": each witness's @n, else its abbr[@type='siglum'],
       else its id. -->
  <xsl:template name="sigla">
    <xsl:param name="pointers"/>
    <xsl:variable name="first" select="substring-before(concat($pointers, ' '), ' ')"/>
    <xsl:if test="$first != ''">
      <xsl:variable name="id" select="substring-after($first, '#')"/>
      <xsl:variable name="witness" select="key('xml-id', $id)[1]"/>
      <xsl:choose>
        <xsl:when test="normalize-space($witness/@n) != ''">
          <xsl:value-of select="normalize-space($witness/@n)"/>
        </xsl:when>
        <xsl:when test="$witness/tei:abbr[@type = 'siglum']">
          <xsl:value-of select="normalize-space($witness/tei:abbr[@type = 'siglum'][1])"/>
        </xsl:when>
        <xsl:when test="$id != ''">
          <xsl:value-of select="$id"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="$first"/>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="contains($pointers, ' ')">
        <xsl:text> </xsl:text>
        <xsl:call-template name="sigla">
          <xsl:with-param name="pointers" select="substring-after($pointers, ' ')"/>
        </xsl:call-template>
      </xsl:if>
    </xsl:if>
  </xsl:template>

  <!-- The witnesses of the apparatus (listWit), for the list of sigla. -->
  <xsl:variable name="witnesses"
      select="($tei-header//tei:listWit | $special[self::tei:listWit])//tei:witness[@xml:id][not(ancestor::tei:witness)]"/>

  <!-- What a witness is, in a line (context: witness). -->
  <xsl:template name="witness-description">
    <xsl:variable name="text">
      <xsl:apply-templates select="node()[not(self::tei:abbr[@type = 'siglum'])][not(self::tei:listWit)]" mode="plain"/>
    </xsl:variable>
    <xsl:value-of select="normalize-space($text)"/>
  </xsl:template>

  <!-- The entry as one line of plain text (an HTML tooltip). -->
  <xsl:template name="app-entry-plain">
    <xsl:variable name="base-id">
      <xsl:call-template name="app-base"/>
    </xsl:variable>
    <xsl:variable name="readings" select="tei:lem | tei:rdg | tei:rdgGrp/tei:lem | tei:rdgGrp/tei:rdg"/>
    <xsl:variable name="text">
      <xsl:for-each select="$readings[generate-id() = $base-id]">
        <xsl:call-template name="app-reading-plain"/>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
      <xsl:for-each select="$readings[generate-id() != $base-id]">
        <xsl:if test="position() &gt; 1">;</xsl:if>
        <xsl:text> </xsl:text>
        <xsl:call-template name="app-reading-plain"/>
      </xsl:for-each>
    </xsl:variable>
    <xsl:value-of select="normalize-space($text)"/>
  </xsl:template>

  <xsl:template name="app-reading-plain">
    <xsl:choose>
      <xsl:when test="normalize-space() != ''">
        <xsl:apply-templates mode="plain"/>
      </xsl:when>
      <xsl:otherwise>om.</xsl:otherwise>
    </xsl:choose>
    <xsl:text> </xsl:text>
    <xsl:call-template name="sigla">
      <xsl:with-param name="pointers" select="normalize-space(concat(@wit, ' ', ../@wit[parent::tei:rdgGrp]))"/>
    </xsl:call-template>
  </xsl:template>

</xsl:stylesheet>
