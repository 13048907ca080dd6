<?xml version="1.0" encoding="UTF-8"?>
<!--
  Warnings: what a conversion could not show. Each is one xsl:message that
  starts with "tei-warning: "; tei convert collects them (the library returns
  them, the command prints one line each) and xsltproc prints them. Writers
  call document-warnings once, from their root template; the traversal
  reports unknown elements where it meets them (report-unknown).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:eg="http://www.tei-c.org/ns/Examples"
    xmlns:m="http://www.w3.org/1998/Math/MathML"
    exclude-result-prefixes="tei eg m">

  <xsl:template name="warn">
    <xsl:param name="text"/>
    <xsl:message terminate="no">
      <xsl:value-of select="concat('tei-warning: ', $text)"/>
    </xsl:message>
  </xsl:template>

  <xsl:template name="document-warnings">
    <xsl:variable name="images" select="count($special[self::tei:graphic or self::tei:media])"/>
    <xsl:if test="$images &gt; 0">
      <xsl:call-template name="warn">
        <xsl:with-param name="text" select="concat($images, ' image(s) (graphic, media) are not embedded: each is shown as [image]')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:variable name="binary" select="count($special[self::tei:binaryObject])"/>
    <xsl:if test="$binary &gt; 0">
      <xsl:call-template name="warn">
        <xsl:with-param name="text" select="concat($binary, ' binaryObject(s) (embedded data) are not shown')"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:variable name="formulas" select="count($special[self::m:math])"/>
    <xsl:if test="$formulas &gt; 0 and not($w-mathml)">
      <xsl:call-template name="warn">
        <xsl:with-param name="text">
          <xsl:value-of select="concat($formulas, ' MathML formula(s) are shown as linear text, not typeset (the first: ')"/>
          <xsl:for-each select="($special[self::m:math])[1]">
            <xsl:variable name="linear">
              <xsl:call-template name="math-text"/>
            </xsl:variable>
            <xsl:value-of select="substring(normalize-space($linear), 1, 80)"/>
            <xsl:if test="string-length(normalize-space($linear)) &gt; 80">…</xsl:if>
          </xsl:for-each>
          <xsl:text>)</xsl:text>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

</xsl:stylesheet>
