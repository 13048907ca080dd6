<?xml version="1.0" encoding="UTF-8"?>
<!--
  MathML as one line of text, for the formats that cannot set it (PDF via FO
  or LaTeX, plain text): x = (−b ± √(b^2 − 4ac))/(2a). HTML passes the MathML
  itself to the browser. A conversion that falls back to this text says so
  in one warning (warnings.xsl).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:m="http://www.w3.org/1998/Math/MathML"
    exclude-result-prefixes="m">

  <!-- The linear text of the context m:math. -->
  <xsl:template name="math-text">
    <xsl:variable name="text">
      <xsl:apply-templates mode="math-text"/>
    </xsl:variable>
    <xsl:value-of select="normalize-space(translate($text, '&#x2062;&#x2061;&#x2063;', ''))"/>
  </xsl:template>

  <xsl:template match="*" mode="math-text">
    <xsl:apply-templates mode="math-text"/>
  </xsl:template>

  <xsl:template match="m:mo" mode="math-text">
    <xsl:variable name="op" select="normalize-space()"/>
    <xsl:choose>
      <xsl:when test="$op = '(' or $op = '[' or $op = '{' or @form = 'prefix'">
        <xsl:value-of select="$op"/>
      </xsl:when>
      <xsl:when test="$op = ')' or $op = ']' or $op = '}' or $op = ',' or $op = '!'">
        <xsl:value-of select="$op"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:value-of select="concat(' ', $op, ' ')"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="m:mi | m:mn | m:mtext | m:ms" mode="math-text">
    <xsl:value-of select="normalize-space()"/>
  </xsl:template>

  <xsl:template match="m:mfrac" mode="math-text">
    <xsl:text>(</xsl:text>
    <xsl:apply-templates select="*[1]" mode="math-text"/>
    <xsl:text>)/(</xsl:text>
    <xsl:apply-templates select="*[2]" mode="math-text"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="m:msqrt" mode="math-text">
    <xsl:text>√(</xsl:text>
    <xsl:apply-templates mode="math-text"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="m:mroot" mode="math-text">
    <xsl:text>root(</xsl:text>
    <xsl:apply-templates select="*[2]" mode="math-text"/>
    <xsl:text>, </xsl:text>
    <xsl:apply-templates select="*[1]" mode="math-text"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="m:msup | m:msub | m:msubsup | m:munder | m:mover | m:munderover" mode="math-text">
    <xsl:apply-templates select="*[1]" mode="math-text"/>
    <xsl:for-each select="*[position() &gt; 1]">
      <xsl:choose>
        <xsl:when test="(parent::m:msub or parent::m:munder) or (position() = 1 and (parent::m:msubsup or parent::m:munderover))">_</xsl:when>
        <xsl:otherwise>^</xsl:otherwise>
      </xsl:choose>
      <xsl:choose>
        <xsl:when test="count(descendant::*[not(*)]) &gt; 1">
          <xsl:text>(</xsl:text>
          <xsl:apply-templates select="." mode="math-text"/>
          <xsl:text>)</xsl:text>
        </xsl:when>
        <xsl:otherwise>
          <xsl:apply-templates select="." mode="math-text"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template match="m:annotation | m:annotation-xml" mode="math-text"/>

  <xsl:template match="text()" mode="math-text">
    <xsl:value-of select="."/>
  </xsl:template>

</xsl:stylesheet>
